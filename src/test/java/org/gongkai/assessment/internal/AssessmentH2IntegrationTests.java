package org.gongkai.assessment.internal;

/** On the embedded default: H2 in the data folder. */
class AssessmentH2IntegrationTests extends AssessmentIntegrationTests {}
