/** Staff accounts, roles, agency scope, login and its throttling. */
package org.gongkai.account;
