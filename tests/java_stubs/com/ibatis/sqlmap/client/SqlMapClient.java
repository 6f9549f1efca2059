package com.ibatis.sqlmap.client;

public interface SqlMapClient {}
