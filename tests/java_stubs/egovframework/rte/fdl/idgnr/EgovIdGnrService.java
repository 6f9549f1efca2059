package egovframework.rte.fdl.idgnr;

public interface EgovIdGnrService { String getNextStringId() throws Exception; }
