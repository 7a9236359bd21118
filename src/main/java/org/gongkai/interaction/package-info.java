/**
 * The public asking and the agency answering: the mailbox of questions, complaints and suggestions
 * (领导信箱 included) with reply deadlines, ratings and public Q&A, and the record of online interviews
 * and hotline sessions with leaders' participation.
 */
package org.gongkai.interaction;
