package org.springframework.web.servlet.handler;

public abstract class HandlerInterceptorAdapter { public boolean preHandle(javax.servlet.http.HttpServletRequest q, javax.servlet.http.HttpServletResponse r, Object h) throws Exception { return true; } }
