/** The mail server the platform sends through, chosen by the settings at every start. */
package org.gongkai.shared.mail;
