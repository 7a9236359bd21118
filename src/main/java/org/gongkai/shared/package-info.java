/**
 * The shared kernel: refusals and their rendering, time, identifiers with check characters, the
 * data folder. Every module may use it; it uses none of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.gongkai.shared;

import org.springframework.modulith.ApplicationModule;
