package org.springframework.web.context.request;

public interface RequestAttributes { int SCOPE_SESSION = 1; Object getAttribute(String name, int scope); }
