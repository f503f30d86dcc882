package org.custos.material.mark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.custos.material.custody.CustodyBook;
import org.custos.material.custody.IssuedCopy;
import org.custos.material.registry.RegisteredItem;

/**
 * Marking makes copies of registered items unique to their recipients and records each in the custody ledger.
 *
 * <p>A copy gets a random copy id; its text is the item's text with the canary trap's variants chosen for it
 * (see {@link Canary}); then it is written as a PDF with every mark, as plain text or as DOCX. The file is written
 * to a temporary file beside the output and moved into place only after the copy is recorded, so a copy that is
 * not in the ledger never appears.
 */
public final class Marking {

    private final MarkKey key;
    private final CustodyBook book;
    private final SecureRandom random = new SecureRandom();

    /** Marking with the installation's key, recording into the ledger. */
    public Marking(MarkKey key, CustodyBook book) {
        this.key = key;
        this.book = book;
    }

    /** What {@link #mark} produced: the ledger's record and the copy's text (for tests and benchmarks). */
    public record Marked(IssuedCopy copy, String text) {
    }

    /**
     * Marks a copy of an item for a recipient and writes it to {@code out} in the format its extension names.
     *
     * @throws IllegalArgumentException for an unknown format or a text the format cannot show
     */
    public Marked mark(RegisteredItem item, String recipient, String purpose, String issuedBy, Instant now,
            Path out) throws IOException {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("--recipient: a copy needs a recipient");
        }
        CopyFormat format = CopyFormat.of(out);
        Set<String> taken = new HashSet<>();
        book.copies().forEach(c -> taken.add(c.copy()));
        String copyId;
        do {
            copyId = randomId();
        } while (taken.contains(copyId));
        Canary canary = Canary.of(item.text());
        String text = variantText(canary, item.summary().id(), copyId);
        CopyCode code = key.code(copyId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int pages = write(format, text, code, QrPayload.of(key, copyId), item.summary().name(), bytes);
        IssuedCopy issued = new IssuedCopy(copyId, code.printed(), item.summary().id(), item.summary().name(),
                recipient.strip(), purpose, format.label(), pages, canary.siteCount(), Canary.VERSION, now, issuedBy);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + out.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes.toByteArray());
            book.issue(issued);
            try {
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Marked(issued, text);
    }

    /** The text of a copy: the item's text with this copy's variants. */
    String variantText(Canary canary, String item, String copyId) {
        MarkKey.Chooser chooser = key.chooser(item, copyId);
        return canary.render(chooser::choice);
    }

    /** The text of a copy of an item under a key, without recording anything (for benchmarks and tests). */
    public static String variantTextFor(MarkKey key, Canary canary, String item, String copyId) {
        return new Marking(key, null).variantText(canary, item, copyId);
    }

    /** Writes a copy in a format without recording it; returns the number of pages (for benchmarks). */
    public static int write(CopyFormat format, String text, CopyCode code, QrPayload payload, String title,
            java.io.OutputStream out) throws IOException {
        switch (format) {
            case PDF -> {
                return new PdfCopy().write(text, code, payload, title, out);
            }
            case TEXT -> {
                out.write(TextCopy.write(text, code, title).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return 1;
            }
            default -> {
                DocxCopy.write(text, code, title, out);
                return 1;
            }
        }
    }

    private String randomId() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = CopyCode.ALPHABET.charAt(random.nextInt(32));
        }
        return new String(c);
    }
}
