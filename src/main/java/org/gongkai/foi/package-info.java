/**
 * Information requests (依申请公开): intake from the public, registration, the statutory working-day
 * clock with its pauses, restart and extension, fees, replies of a statutory type, reply letters,
 * delivery, reminders, and the monthly statistics the reports are built from.
 */
package org.gongkai.foi;
