package org.springframework.ui;

public class ModelMap extends java.util.LinkedHashMap<String, Object> { public ModelMap addAttribute(String k, Object v) { put(k, v); return this; } }
