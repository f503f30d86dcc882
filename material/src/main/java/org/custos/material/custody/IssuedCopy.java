package org.custos.material.custody;

import java.time.Instant;
import java.util.Objects;

/**
 * An IssuedCopy is one marked copy of a registry item released to one recipient, as recorded in the ledger.
 *
 * @param copy the copy id (8 Crockford base-32 characters)
 * @param code the printed copy code ({@code XXXX-XXXX-CC})
 * @param item the registry item id
 * @param itemName the item's name when it was issued
 * @param recipient who it was issued to
 * @param purpose why
 * @param format the form it was issued in ({@code pdf}, {@code text} or {@code docx})
 * @param pages the number of pages (1 for text)
 * @param sites the canary's variant positions in the copy
 * @param canary the version of the canary trap's rules the copy was made with ({@code Canary.VERSION})
 * @param issued when
 * @param issuedBy who issued it
 */
public record IssuedCopy(String copy, String code, String item, String itemName, String recipient, String purpose,
        String format, int pages, int sites, int canary, Instant issued, String issuedBy) {

    /** Checks the required fields. */
    public IssuedCopy {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(issued, "issued");
        purpose = purpose == null ? "" : purpose;
        issuedBy = issuedBy == null ? "" : issuedBy;
    }
}
