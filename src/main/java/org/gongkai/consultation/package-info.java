/**
 * Public participation on decisions: calls for comments on drafts (征求意见) and public notices (公示),
 * with their comment windows, moderation, adoption feedback and links to the documents.
 */
package org.gongkai.consultation;
