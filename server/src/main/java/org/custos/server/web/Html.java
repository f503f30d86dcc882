package org.custos.server.web;

import java.util.Collection;
import java.util.function.Function;

/**
 * Html is a fragment of HTML that is safe to send: every value placed into a template is escaped unless it is
 * itself an {@code Html} fragment.
 *
 * <p>Templates use {@code {}} as the placeholder: {@code Html.of("<td>{}</td>", name)} escapes {@code name} for
 * both text and (double-quoted) attribute positions. Only constant template strings written in this code base are
 * taken as markup; no method turns a runtime string into markup.
 */
public final class Html {

    private static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** The template with each {@code {}} replaced, in order, by a value escaped (or inserted, for Html values). */
    public static Html of(String template, Object... values) {
        StringBuilder out = new StringBuilder(template.length() + 16 * values.length);
        int from = 0;
        int next = 0;
        while (true) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            if (next >= values.length) {
                throw new IllegalArgumentException("template has more placeholders than the " + values.length
                        + " values given: " + template);
            }
            out.append(template, from, at);
            append(out, values[next++]);
            from = at + 2;
        }
        if (next != values.length) {
            throw new IllegalArgumentException("template has " + next + " placeholders for " + values.length
                    + " values: " + template);
        }
        out.append(template, from, template.length());
        return new Html(out.toString());
    }

    /** The empty fragment. */
    public static Html empty() {
        return EMPTY;
    }

    /** The fragments one after the other. */
    public static Html join(Collection<Html> parts) {
        StringBuilder out = new StringBuilder();
        for (Html h : parts) {
            out.append(h.markup);
        }
        return new Html(out.toString());
    }

    /** Each item rendered and the results one after the other. */
    public static <T> Html each(Iterable<T> items, Function<T, Html> render) {
        StringBuilder out = new StringBuilder();
        for (T item : items) {
            out.append(render.apply(item).markup);
        }
        return new Html(out.toString());
    }

    /** The fragment when the condition holds, otherwise nothing. */
    public static Html when(boolean condition, Html fragment) {
        return condition ? fragment : EMPTY;
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Html h) {
            out.append(h.markup);
        } else {
            escape(out, value == null ? "" : value.toString());
        }
    }

    /** The text escaped for HTML text and double- or single-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        escape(out, text);
        return out.toString();
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                case '\0' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
    }

    /** The markup. */
    @Override
    public String toString() {
        return markup;
    }
}
