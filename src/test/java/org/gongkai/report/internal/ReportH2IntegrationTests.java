package org.gongkai.report.internal;

/** On the embedded default: H2 in the data folder. */
class ReportH2IntegrationTests extends ReportIntegrationTests {}
