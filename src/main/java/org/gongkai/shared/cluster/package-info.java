/** What several application nodes on one database share without extra settings. */
package org.gongkai.shared.cluster;
