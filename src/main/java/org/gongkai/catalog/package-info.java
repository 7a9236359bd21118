/**
 * The disclosure catalog (政府信息公开目录): documents, their editions and editorial workflow, index
 * numbers, attachments, policy–interpretation links, and what publishing emits.
 */
package org.gongkai.catalog;
