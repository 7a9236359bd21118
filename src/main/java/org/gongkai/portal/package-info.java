/** The public site: pages, feeds, sitemap and the open JSON API. Published documents only. */
package org.gongkai.portal;
