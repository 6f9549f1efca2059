package org.springframework.web.multipart;

public interface MultipartFile { String getOriginalFilename(); long getSize(); }
