/**
 * The start ahead of time ({@code -Dspring.aot.enabled=true}): the build's record of the settings
 * that chose its beans, and the check that a start's settings agree with it.
 */
package org.gongkai.shared.aot;
