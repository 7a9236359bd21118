package org.gongkai.monitor.internal;

/** On the embedded default: H2 in the data folder. */
class MonitorH2IntegrationTests extends MonitorIntegrationTests {}
