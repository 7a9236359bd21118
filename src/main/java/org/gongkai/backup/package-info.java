/**
 * Backup and restore: a consistent online archive of the database, the stored files and the
 * settings, written daily and on demand; and the {@code restore} command that loads one into an
 * empty data folder or an empty database.
 */
@ApplicationModule(displayName = "Backup")
package org.gongkai.backup;

import org.springframework.modulith.ApplicationModule;
