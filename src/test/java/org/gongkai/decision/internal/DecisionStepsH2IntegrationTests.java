package org.gongkai.decision.internal;

/** On the embedded default: H2 in the data folder. */
class DecisionStepsH2IntegrationTests extends DecisionStepsIntegrationTests {}
