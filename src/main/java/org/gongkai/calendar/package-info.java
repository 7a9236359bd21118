/**
 * Working days (工作日历): the State Council's statutory holidays and make-up working days year by
 * year, and the arithmetic every statutory deadline is counted with.
 */
package org.gongkai.calendar;
