package org.custos.server.cases;

/** Uploads holds the rule for the names of uploaded files: a plain file name, never a path. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The last path segment of a client-given file name, with control characters, quotes and path separators
     * replaced, at most 200 characters; {@code upload} when nothing is left.
     */
    public static String safeName(String given) {
        if (given == null) {
            return "upload";
        }
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == ':' || c == '*' || c == '?' || c == '<' || c == '>'
                    || c == '|') {
                out.append('_');
            } else {
                out.appendCodePoint(c);
            }
        });
        String clean = out.toString().strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        if (clean.length() > 200) {
            clean = clean.substring(clean.length() - 200);
        }
        return clean.isEmpty() ? "upload" : clean;
    }
}
