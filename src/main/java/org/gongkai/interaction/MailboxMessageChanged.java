package org.gongkai.interaction;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * A mailbox message took a step or was rated: its public story changed, and so did the answering
 * record of the agency it was written to.
 */
public record MailboxMessageChanged(long messageId, long agencyId) implements PublicSiteChange {}
