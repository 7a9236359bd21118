package org.gongkai.search;

class SearchH2IntegrationTests extends SearchIntegrationTests {}
