package org.gongkai.catalog;

/** On the embedded default: H2 in the data folder. */
class CatalogApiH2IntegrationTests extends CatalogApiIntegrationTests {}
