package org.springframework.context.support;

public class ReloadableResourceBundleMessageSource { public String getMessage(String code, Object[] args, java.util.Locale locale) { return code; } }
