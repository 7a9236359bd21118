package org.gongkai.websitereport.internal;

/** On the embedded default: H2 in the data folder. */
class WebsiteReportH2IntegrationTests extends WebsiteReportIntegrationTests {}
