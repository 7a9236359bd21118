package org.gongkai.account;

import java.util.List;
import org.gongkai.agency.Agency;

/**
 * The agencies a member of staff may pick on a console page, and the one picked: the given code, or
 * the first in scope. Refuses when the code is unknown or out of scope, or nothing is in scope.
 */
public record AgencyChoice(List<Agency> agencies, Agency selected) {}
