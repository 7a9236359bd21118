package org.gongkai.foi.internal;

/** On the embedded default: H2 in the data folder. */
class ReplyEnclosureH2IntegrationTests extends ReplyEnclosureIntegrationTests {}
