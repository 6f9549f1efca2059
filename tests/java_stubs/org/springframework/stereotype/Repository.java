package org.springframework.stereotype;

public @interface Repository { String value() default ""; }
