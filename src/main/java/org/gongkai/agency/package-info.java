/**
 * Agencies (a tree: province, city, department, unit), their columns and their disclosure guide.
 */
package org.gongkai.agency;
