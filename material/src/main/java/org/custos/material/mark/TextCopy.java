package org.custos.material.mark;

import java.util.List;

/**
 * TextCopy writes a marked copy as plain text: a copy-code line at the top and bottom and one after every 40 lines
 * of text, and the canary trap in the text itself (plain text has no room for the other marks).
 */
final class TextCopy {

    static final int LINES_PER_MARK = 40;

    private TextCopy() {
    }

    static String write(String text, CopyCode code, String title) {
        String mark = "[CONTROLLED COPY " + code.printed() + "]";
        StringBuilder out = new StringBuilder(text.length() + 256);
        out.append(mark).append(' ').append(title).append('\n').append('\n');
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
            if ((i + 1) % LINES_PER_MARK == 0 && i + 1 < lines.size()) {
                out.append(mark).append('\n');
            }
        }
        out.append('\n').append(mark).append('\n');
        return out.toString();
    }
}
