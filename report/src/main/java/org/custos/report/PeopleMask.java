package org.custos.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
     * One regular expression matches every known id, name and address as a whole word (not inside a longer run of
     * letters, digits or '_'), longest first so that an address wins over a name or id inside it. Names of fewer than
     * four characters are not masked: they would hit ordinary words.
     */

    private final Map<String, String> userByToken;
    private final Pattern pattern;
    private final UnaryOperator<String> pseudonymOf;

    /** A mask over lower-cased tokens (ids, names, addresses) mapped to account ids. */
    public PeopleMask(Map<String, String> userByToken, UnaryOperator<String> pseudonymOf) {
        this.userByToken = userByToken;
        this.pseudonymOf = pseudonymOf;
        List<String> tokens = new ArrayList<>(userByToken.keySet());
        tokens.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alternatives = new StringBuilder();
        for (String t : tokens) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(t));
        }
        this.pattern = tokens.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives
                + ")(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
        if (text == null || pattern == null || text.isEmpty()) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String user = userByToken.get(m.group().toLowerCase(java.util.Locale.ROOT));
            String replacement = user == null || visible.contains(user) ? m.group() : pseudonymOf.apply(user);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
