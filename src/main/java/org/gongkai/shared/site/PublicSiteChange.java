package org.gongkai.shared.site;

/**
 * An event of a change the public can see: a published document, an agency's new name, a
 * consultation opened for comment. Every such event raises the {@link PublicSiteVersion} in the
 * transaction that publishes it, so that no module has to remember to, and no cached page outlives
 * the commit that made it stale. The owning module declares the event as a record in its API
 * package; implementing this interface is all it takes to reach the caches.
 */
public interface PublicSiteChange {}
