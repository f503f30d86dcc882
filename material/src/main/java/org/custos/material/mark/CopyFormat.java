package org.custos.material.mark;

import java.nio.file.Path;
import java.util.Locale;

/** A CopyFormat is a form a marked copy can be written in, chosen by the output file's extension. */
public enum CopyFormat {
    /** A typeset PDF with every mark. */
    PDF,
    /** Plain UTF-8 text: copy code lines and the canary trap. */
    TEXT,
    /** A Word document: copy code in header and footer, and the canary trap. */
    DOCX;

    /** The format for an output path: {@code .pdf}, {@code .txt} or {@code .docx}. */
    public static CopyFormat of(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return PDF;
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return TEXT;
        }
        if (name.endsWith(".docx")) {
            return DOCX;
        }
        throw new IllegalArgumentException(out + ": unknown copy format; end the name in .pdf, .txt or .docx");
    }

    /** The lower-case name used in the ledger. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
