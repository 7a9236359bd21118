package org.gongkai.portal.internal;

class PublicCachingH2IntegrationTests extends PublicCachingIntegrationTests {}
