package egovframework.rte.fdl.cmmn;

public abstract class EgovAbstractServiceImpl { protected Exception processException(String msg) { return new Exception(msg); } }
