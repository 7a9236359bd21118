package org.gongkai.portal;

class ConsoleH2IntegrationTests extends ConsoleIntegrationTests {}
