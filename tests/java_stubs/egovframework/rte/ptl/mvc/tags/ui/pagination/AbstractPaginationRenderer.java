package egovframework.rte.ptl.mvc.tags.ui.pagination;

public abstract class AbstractPaginationRenderer { protected String firstPageLabel, previousPageLabel, currentPageLabel, otherPageLabel, nextPageLabel, lastPageLabel; }
