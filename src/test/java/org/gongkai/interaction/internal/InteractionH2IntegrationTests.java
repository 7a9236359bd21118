package org.gongkai.interaction.internal;

/** On the embedded default: H2 in the data folder. */
class InteractionH2IntegrationTests extends InteractionIntegrationTests {}
