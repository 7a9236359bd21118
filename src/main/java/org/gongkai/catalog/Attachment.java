package org.gongkai.catalog;

public record Attachment(
    long id, String fileName, String mediaType, long sizeBytes, String sha256) {}
