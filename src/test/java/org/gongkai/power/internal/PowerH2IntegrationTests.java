package org.gongkai.power.internal;

/** On the embedded default: H2 in the data folder. */
class PowerH2IntegrationTests extends PowerIntegrationTests {}
