/**
 * The open government office's annual assessment of agencies (政务公开考核): a scheme of indicators per
 * year, points computed from the platform's own records with their evidence, points entered by
 * assessors, the agencies' objections, and the final result stored, ranked, exported and optionally
 * published on the portal.
 */
package org.gongkai.assessment;
