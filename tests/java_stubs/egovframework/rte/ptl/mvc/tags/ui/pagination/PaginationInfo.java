package egovframework.rte.ptl.mvc.tags.ui.pagination;

public class PaginationInfo { public void setCurrentPageNo(int n) {} public void setRecordCountPerPage(int n) {} public void setTotalRecordCount(int n) {} }
