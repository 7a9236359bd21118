/** The staff console's home and the administration of agencies and their columns. */
package org.gongkai.console;
