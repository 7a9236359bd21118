package org.gongkai.foi.internal;

class ClockReviewH2IntegrationTests extends ClockReviewIntegrationTests {}
