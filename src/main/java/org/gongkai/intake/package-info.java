/**
 * Intake of the signed official document: a DOCX or PDF laid out after GB/T 9704-2012 is read for
 * its organ mark, number, signer, title, addressees, body, attachment notes, signature, date of
 * writing, notes and colophon, and becomes the fields of a catalog draft, each with how sure the
 * recognition is; attachments appended to the document are split into files of their own.
 */
package org.gongkai.intake;
