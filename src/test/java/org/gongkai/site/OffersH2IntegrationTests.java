package org.gongkai.site;

/** On the embedded default: H2 in the data folder. */
class OffersH2IntegrationTests extends OffersIntegrationTests {}
