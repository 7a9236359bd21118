package org.gongkai.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo city.
 *
 * @param demo Whether the demo content (临江市, its departments, documents, requests) is created on
 *     the first start of an empty database.
 */
@ConfigurationProperties("gongkai")
record DemoProperties(@DefaultValue("true") boolean demo) {}
