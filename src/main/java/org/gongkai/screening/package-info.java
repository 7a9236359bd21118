/**
 * Personal data and secrecy marks found before anything is published: identity numbers with a valid
 * check character (GB 11643), mobile and landline numbers, bank card numbers (Luhn), passports and
 * travel permits, email addresses, detailed home addresses (a warning), and the marks of classified
 * or internal documents, in a text and in the text of PDF, DOCX and XLSX files; images are reported
 * as not scanned. Organisations' codes and an agency's own published numbers are not findings.
 */
package org.gongkai.screening;
