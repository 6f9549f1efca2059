package javax.servlet.http;

public interface HttpSession { void setAttribute(String k, Object v); }
