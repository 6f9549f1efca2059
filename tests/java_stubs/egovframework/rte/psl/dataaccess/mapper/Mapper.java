package egovframework.rte.psl.dataaccess.mapper;

public @interface Mapper { String value() default ""; }
