/**
 * The yearly website reports of 国办函〔2018〕12号: each site's 《政府网站工作年度报表》 and the platform's
 * 《政府网站监管年度报表》 for its network, computed from the records of the other modules (read through their
 * published interfaces), with the figures the platform cannot know entered by staff with their
 * source; checked, frozen when published, and exported.
 */
package org.gongkai.websitereport;
