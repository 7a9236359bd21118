package org.gongkai.catalog.internal;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog's attachments.
 *
 * @param maxSize The largest attachment staff may upload to a document.
 */
@ConfigurationProperties("gongkai.attachments")
@Validated
record AttachmentProperties(@DefaultValue("50MB") @NotNull DataSize maxSize) {}
