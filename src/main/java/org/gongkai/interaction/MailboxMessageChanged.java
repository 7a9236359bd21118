package org.gongkai.interaction;

import org.gongkai.shared.site.PublicSiteChange;

/** A mailbox message took a step or was rated: its public story changed. */
public record MailboxMessageChanged(long messageId) implements PublicSiteChange {}
