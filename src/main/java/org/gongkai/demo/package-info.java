/** The demo content created on the first start: a city government, its departments and catalog. */
package org.gongkai.demo;
