package org.gongkai.decision.internal;

/** On the embedded default: H2 in the data folder. */
class DecisionH2IntegrationTests extends DecisionIntegrationTests {}
