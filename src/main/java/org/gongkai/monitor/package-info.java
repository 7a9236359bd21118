/**
 * The site compliance monitor: the 2019 inspection index's rules (empty and stale columns, the home
 * page, dating, proactive-disclosure delays, interpretations, links and attachments, wording,
 * unanswered messages) checked daily per agency, scored, ranked and kept as history.
 */
package org.gongkai.monitor;
