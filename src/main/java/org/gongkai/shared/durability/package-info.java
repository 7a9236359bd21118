/** Commits and files that survive a crash once they are acknowledged. */
package org.gongkai.shared.durability;
