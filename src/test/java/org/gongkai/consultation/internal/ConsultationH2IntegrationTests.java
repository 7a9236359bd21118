package org.gongkai.consultation.internal;

/** On the embedded default: H2 in the data folder. */
class ConsultationH2IntegrationTests extends ConsultationIntegrationTests {}
