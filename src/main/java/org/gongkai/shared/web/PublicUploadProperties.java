package org.gongkai.shared.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the public may send at once.
 *
 * @param maxRequest The largest public submission with its files (a 10 MB attachment and its form),
 *     refused before it is read.
 */
@ConfigurationProperties("gongkai.public-uploads")
@Validated
public record PublicUploadProperties(@DefaultValue("12MB") @NotNull DataSize maxRequest) {}
