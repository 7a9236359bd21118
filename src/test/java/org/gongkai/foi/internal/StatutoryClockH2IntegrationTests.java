package org.gongkai.foi.internal;

class StatutoryClockH2IntegrationTests extends StatutoryClockIntegrationTests {}
