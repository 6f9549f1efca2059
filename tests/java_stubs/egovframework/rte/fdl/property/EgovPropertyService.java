package egovframework.rte.fdl.property;

public interface EgovPropertyService { int getInt(String key); }
