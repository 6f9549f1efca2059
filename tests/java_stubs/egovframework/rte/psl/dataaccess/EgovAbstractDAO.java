package egovframework.rte.psl.dataaccess;

public abstract class EgovAbstractDAO { public void setSuperSqlMapClient(com.ibatis.sqlmap.client.SqlMapClient c) {} protected java.util.List<?> list(String id, Object p) { return null; } protected Object select(String id, Object p) { return null; } protected Object insert(String id, Object p) { return null; } protected int update(String id, Object p) { return 0; } protected int delete(String id, Object p) { return 0; } }
