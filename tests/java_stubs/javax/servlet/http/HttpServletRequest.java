package javax.servlet.http;

public interface HttpServletRequest { String getRemoteAddr(); HttpSession getSession(); String getContextPath(); }
