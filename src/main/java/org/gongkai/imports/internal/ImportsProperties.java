package org.gongkai.imports.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Imports from old websites and files.
 *
 * @param allowPrivateAddresses Whether an import may visit loopback, private and link-local
 *     addresses (tests, an old site on the intranet); otherwise only public ones.
 * @param pollInterval How often the cluster job looks for imports to run or resume.
 * @param runBudget How long one run works on imports before it lets the next run continue.
 * @param timeout Connect and answer timeout of one request to the old site.
 * @param maxPageBytes The largest page read; a larger one is refused.
 * @param maxAttachmentBytes The largest attachment fetched; a document with a larger one is
 *     refused.
 * @param ratePerSecond Requests per second to the old site when the import names no rate.
 * @param maxDocuments Documents per import when the import names no limit.
 * @param maxPages Addresses one crawl visits at most (list pages, documents, broken pages).
 * @param userAgent How the crawler names itself to the old site and its robots.txt.
 */
@ConfigurationProperties("gongkai.imports")
@Validated
record ImportsProperties(
    @DefaultValue("false") boolean allowPrivateAddresses,
    @DefaultValue("PT5S") @NotNull Duration pollInterval,
    @DefaultValue("PT1M") @NotNull Duration runBudget,
    @DefaultValue("PT15S") @NotNull Duration timeout,
    @DefaultValue("5MB") @NotNull DataSize maxPageBytes,
    @DefaultValue("50MB") @NotNull DataSize maxAttachmentBytes,
    @DefaultValue("2") @DecimalMin("0.01") double ratePerSecond,
    @DefaultValue("100000") @Min(1) int maxDocuments,
    @DefaultValue("200000") @Min(1) int maxPages,
    @DefaultValue("GongkaiImport") @NotBlank String userAgent) {}
