package javax.servlet.http;

public interface HttpServletResponse { void setContentType(String t); void setHeader(String k, String v); void sendRedirect(String u) throws java.io.IOException; java.io.PrintWriter getWriter() throws java.io.IOException; }
