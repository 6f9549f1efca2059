package javax.annotation;

public @interface Resource { String name() default ""; }
