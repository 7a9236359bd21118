/**
 * Websites on one installation (站群): their host names, their identity (网站标识码, filing numbers,
 * organizer and operator) and the agencies whose catalogs each shows.
 */
package org.gongkai.site;
