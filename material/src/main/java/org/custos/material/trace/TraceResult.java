package org.custos.material.trace;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.custos.material.mark.CanaryFinding;

/**
 * A TraceResult is the answer for one suspect file: whose copy it is, if the evidence supports naming anyone, and
 * every mark found. Its JSON form is documented in {@code docs/marking.md}.
 *
 * @param path the file as given
 * @param kind how it was read: {@code pdf}, {@code image} or {@code text}
 * @param status the answer
 * @param verdict one sentence for a person
 * @param copies the issued copies the evidence supports (one when identified, several when conflicting)
 * @param evidence every mark found
 */
public record TraceResult(String path, String kind, Status status, String verdict, List<TracedCopy> copies,
        Evidence evidence) {

    /** The answer for a file. */
    public enum Status {
        /** One issued copy, supported by its marks and contradicted by none. */
        IDENTIFIED,
        /** Marks of several copies, or a valid mark beside a forged or unknown one. */
        CONFLICTING,
        /** Marks were read but do not support naming a copy (too few canary positions, too close a call). */
        INCONCLUSIVE,
        /** Only codes whose signature is wrong. */
        FORGED,
        /** Only correctly signed codes of a copy the ledger does not know. */
        UNKNOWN_COPY,
        /** Nothing of a marked copy. */
        NO_MARK,
        /** The file could not be read. */
        UNREADABLE;

        /** The lower-case, dashed name used in JSON. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One issued copy the evidence supports.
     *
     * @param channels the kinds of mark that name it: {@code qr}, {@code printed-code}, {@code canary}
     * @param confidence {@code high} (a signed QR code, a named canary, or two channels) or {@code medium} (a printed
     *     code alone, whose check has 10 bits)
     */
    public record TracedCopy(String copy, String code, String item, String itemName, String recipient,
            String purpose, Instant issued, List<String> channels, String confidence) {
    }

    /**
     * Every mark found.
     *
     * @param qr each QR code decoded, with the page it was on (0 for an image)
     * @param printedCodes each distinct copy code printed in the text, with how often
     * @param canary the canary reading of each item the text is from
     * @param ocr whether OCR was run (on an image, or a PDF without a text layer)
     * @param notes what else a reviewer should know (pages without codes, OCR skipped, …)
     */
    public record Evidence(List<QrCode> qr, List<PrintedCode> printedCodes, List<CanaryFinding> canary, boolean ocr,
            List<String> notes) {
    }

    /**
     * A decoded QR code.
     *
     * @param status {@code valid} (signed, issued), {@code unknown-copy} (signed, not in the ledger), {@code forged}
     *     (signature wrong) or {@code foreign} (not a Custos code)
     */
    public record QrCode(int page, String status, String copy, String text) {
    }

    /**
     * A copy code printed in the text.
     *
     * @param status {@code valid}, {@code unknown-copy}, {@code forged} (check characters wrong in an exact text
     *     layer) or {@code unverified} (check characters wrong in OCR or typed text: misread, mistyped or forged)
     */
    public record PrintedCode(String code, String status, int count) {
    }
}
