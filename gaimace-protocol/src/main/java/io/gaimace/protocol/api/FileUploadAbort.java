package io.gaimace.protocol.api;

/** Abandons an upload ({@code file.upload.abort}); its chunks are dropped at once. */
public record FileUploadAbort(String uploadId) {}
