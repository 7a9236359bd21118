package org.gongkai.intake;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.agency.Agency;

/**
 * What the intake read from a signed document. {@code agency} is the agency the issuing organ's
 * name matched among those offered; {@code body} is HTML of paragraphs; {@code attachmentNames} are
 * the attachment notes (附件说明) and {@code attachments} the appended ones split out. {@code warnings}
 * are message keys.
 */
public record RecognisedDocument(
    Recognised<String> organs,
    Recognised<String> docNumber,
    Recognised<String> signer,
    Recognised<String> title,
    Recognised<String> addressees,
    Recognised<Agency> agency,
    Recognised<LocalDate> writtenOn,
    Recognised<String> notes,
    Recognised<String> copiesTo,
    Recognised<String> printedBy,
    Recognised<LocalDate> printedOn,
    Recognised<String> body,
    Recognised<List<String>> attachmentNames,
    List<SplitAttachment> attachments,
    List<String> warnings) {}
