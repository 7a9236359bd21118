package org.gongkai.site;

/** On the embedded default: H2 in the data folder. */
class SiteLayoutH2IntegrationTests extends SiteLayoutIntegrationTests {}
