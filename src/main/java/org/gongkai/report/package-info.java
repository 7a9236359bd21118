/**
 * The statutory reports: the annual report in the State Council's format (2021, and the 2019 trial
 * format for 2019 and 2020), monthly reports with zero reports, and the dashboards, all computed
 * from recorded facts.
 */
package org.gongkai.report;
