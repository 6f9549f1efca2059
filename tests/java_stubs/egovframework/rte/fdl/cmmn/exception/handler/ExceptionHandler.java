package egovframework.rte.fdl.cmmn.exception.handler;

public interface ExceptionHandler { void occur(Exception ex, String packageName); }
