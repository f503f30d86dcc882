package org.custos.report;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.PersonRecord;
import org.custos.store.PersonSummary;
import org.custos.store.Store;

/**
 * A PeopleMask replaces, in free text, every person the store knows (account id, directory name, e-mail address) by
 * their pseudonym, except the people the viewer may see by name. Alert stories, indicator explanations and event
 * descriptions name colleagues ("the machine of CNS6044", e-mail recipients); a case report shows them masked.
 */
public final class PeopleMask {

    /*
     * A known id, name or address matches as a whole word: not preceded or followed by a letter, a number or '_'.
     * At each place where a word may start, the known lengths are tried longest first, so that an address wins over
     * a name or id inside it, and the lower-cased text of that length is looked up; a match is replaced and the scan
     * goes on after it. This is the leftmost-longest match a regular expression of all the tokens would find, at the
     * cost of a few map look-ups per word instead of trying thousands of alternatives at every character. Names of
     * fewer than four characters are not masked: they would hit ordinary words.
     */

    private final Map<String, String> userByToken;
    private final int[] lengths;
    private final UnaryOperator<String> pseudonymOf;

    /** A mask over lower-cased tokens (ids, names, addresses) mapped to account ids. */
    public PeopleMask(Map<String, String> userByToken, UnaryOperator<String> pseudonymOf) {
        this.userByToken = Map.copyOf(userByToken);
        this.pseudonymOf = pseudonymOf;
        this.lengths = userByToken.keySet().stream().mapToInt(String::length).filter(n -> n > 0).distinct()
                .map(n -> -n).sorted().map(n -> -n).toArray();
    }

    /** The mask of everyone the store knows from its people and directory snapshots. */
    public static PeopleMask of(Store store, UnaryOperator<String> pseudonymOf) {
        Map<String, String> byToken = new HashMap<>();
        for (YearMonth month : store.snapshotMonths()) {
            store.snapshot(month).map(OrgSnapshot::people).orElse(Map.of()).values().forEach(r -> add(byToken, r));
        }
        for (PersonSummary p : store.people()) {
            byToken.put(p.user().toLowerCase(java.util.Locale.ROOT), p.user());
            if (p.name().length() >= 4) {
                byToken.putIfAbsent(p.name().toLowerCase(java.util.Locale.ROOT), p.user());
            }
        }
        return new PeopleMask(byToken, pseudonymOf);
    }

    private static void add(Map<String, String> byToken, PersonRecord r) {
        byToken.put(r.user().toLowerCase(java.util.Locale.ROOT), r.user());
        if (r.name().length() >= 4) {
            byToken.putIfAbsent(r.name().toLowerCase(java.util.Locale.ROOT), r.user());
        }
        if (r.email().contains("@")) {
            byToken.putIfAbsent(r.email().toLowerCase(java.util.Locale.ROOT), r.user());
        }
    }

    /** The text with everyone but {@code visible} (account ids) replaced by their pseudonym. */
    public String mask(String text, Set<String> visible) {
        if (text == null || lengths.length == 0 || text.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            lower = lowerEachChar(text);
        }
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (i > 0 && isWordChar(text.codePointBefore(i))) {
                i++;
                continue;
            }
            int matched = 0;
            String user = null;
            for (int len : lengths) {
                int end = i + len;
                if (end > n || end < n && isWordChar(text.codePointAt(end))) {
                    continue;
                }
                user = userByToken.get(lower.substring(i, end));
                if (user != null) {
                    matched = len;
                    break;
                }
            }
            if (user == null) {
                i++;
                continue;
            }
            if (!visible.contains(user)) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(text, copied, i).append(pseudonymOf.apply(user));
                copied = i + matched;
            }
            i += matched;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    private static boolean isWordChar(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The text lower-cased one char at a time, so that positions stay those of the text. */
    private static String lowerEachChar(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
