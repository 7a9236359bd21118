/**
 * The administrative power catalog (权责清单、职权目录): each power with its legal basis, conditions,
 * materials, time limit, fees, versions by effective date, and its process flowchart.
 */
package org.gongkai.power;
