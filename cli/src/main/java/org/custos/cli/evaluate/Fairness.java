package org.custos.cli.evaluate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.custos.cli.report.Report;
import org.custos.core.organization.Organization;
import org.custos.core.organization.PersonRecord;

/**
 * A Fairness check is the score distribution of every group of every personal attribute (role, business unit,
 * functional unit, department), with a flag on each group that is over-represented among the highest-ranked
 * innocent people: evidence that an attribute, not behaviour, drives scores.
 *
 * <p>A person's group is taken from their latest directory record; people the directory does not list form the
 * group {@value #UNLISTED}, and a blank attribute forms {@value #BLANK}. The top of the ranking is its first
 * ⌈5 % · n⌉ people. Insiders are left out of the flag test so that what known insiders did does not count: among
 * the n innocents ranked highest (⌈5 % · innocents⌉), a group with x members and a share p of all innocents is
 * flagged when the binomial tail P(X ≥ x; n, p) is below {@value #MAX_P_VALUE} and x/n is at least
 * {@value #MIN_RATIO} times p.
 *
 * @param people the number of people ranked
 * @param innocents the number of them not in the answer key
 * @param topPeople the size of the top 5 % of all people
 * @param topInnocents the size of the top 5 % of innocent people (n of the flag test)
 * @param groups the figures of every group of every attribute
 */
public record Fairness(int people, int innocents, int topPeople, int topInnocents, List<GroupFigures> groups) {

    /** The group of people the directory does not list. */
    public static final String UNLISTED = "unlisted";

    /** The group of people whose record leaves the attribute blank. */
    public static final String BLANK = "(blank)";

    /** The share of the ranking that counts as its top. */
    public static final double TOP_SHARE = 0.05;

    /** The binomial tail below which an over-represented group is flagged. */
    public static final double MAX_P_VALUE = 0.001;

    /** How many times its share of innocents a group's share of top-ranked innocents must be to be flagged. */
    public static final double MIN_RATIO = 3.0;

    /** The attributes checked, with how each is read from a directory record. */
    static final Map<String, Function<PersonRecord, String>> ATTRIBUTES = attributes();

    /**
     * The figures of one group of one attribute.
     *
     * @param attribute the attribute ({@code role}, {@code business-unit}, {@code functional-unit},
     *     {@code department})
     * @param group the attribute's value
     * @param people the number of people in the group
     * @param medianScore the median score of the group
     * @param p90Score the 90th percentile of the group's scores (linear interpolation between ranks)
     * @param topShare the group's share of the top 5 % of all people
     * @param peopleShare the group's share of all people
     * @param innocents the number of innocent people in the group
     * @param topInnocents the number of them among the top 5 % of innocents (x of the flag test)
     * @param innocentShare the group's share of all innocents (p of the flag test)
     * @param pValue the binomial tail P(X ≥ topInnocents; n = top 5 % of innocents, p = innocentShare)
     * @param flagged true when the group is over-represented among top-ranked innocents (see {@link Fairness})
     */
    public record GroupFigures(String attribute, String group, int people, double medianScore, double p90Score,
            double topShare, double peopleShare, int innocents, int topInnocents, double innocentShare,
            double pValue, boolean flagged) {
    }

    /**
     * Measures a ranking by the attributes of each person's latest directory record.
     *
     * @param ranked every person, best rank first
     * @param scores every person's score
     * @param insiders the people of the answer key
     * @param latestRecord each person's latest directory record, empty for an unlisted person
     */
    static Fairness measure(List<String> ranked, Map<String, Double> scores, Set<String> insiders,
            Function<String, Optional<PersonRecord>> latestRecord) {
        Map<String, Optional<PersonRecord>> records = new HashMap<>();
        ranked.forEach(u -> records.put(u, latestRecord.apply(u)));
        List<GroupFigures> groups = new ArrayList<>();
        for (Map.Entry<String, Function<PersonRecord, String>> a : ATTRIBUTES.entrySet()) {
            groups.addAll(measureAttribute(a.getKey(), ranked, scores, insiders,
                    u -> records.get(u).map(a.getValue()).map(v -> v.isBlank() ? BLANK : v).orElse(UNLISTED)));
        }
        int innocents = (int) ranked.stream().filter(u -> !insiders.contains(u)).count();
        return new Fairness(ranked.size(), innocents, top(ranked.size()), top(innocents), groups);
    }

    /** The fairness check of a report: its ranking grouped by each person's latest record in the directory. */
    public static Fairness of(Report report, AnswerKey key, Organization org) {
        List<Report.PersonEntry> people = new ArrayList<>(report.people());
        people.sort(Comparator.comparingInt(Report.PersonEntry::rank));
        Map<String, Double> scores = new HashMap<>();
        people.forEach(p -> scores.put(p.user(), p.score()));
        Set<String> insiders = new HashSet<>();
        key.insiders().forEach(i -> insiders.add(i.user()));
        return measure(people.stream().map(Report.PersonEntry::user).toList(), scores, insiders, org::latestRecord);
    }

    /** Measures the groups of one attribute, largest group first; {@code groupOf} gives each person's group. */
    static List<GroupFigures> measureAttribute(String attribute, List<String> ranked, Map<String, Double> scores,
            Set<String> insiders, Function<String, String> groupOf) {
        List<String> innocentRanked = ranked.stream().filter(u -> !insiders.contains(u)).toList();
        int topPeople = top(ranked.size());
        int topInnocents = top(innocentRanked.size());
        Map<String, Tally> tallies = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            String user = ranked.get(i);
            Tally t = tallies.computeIfAbsent(groupOf.apply(user), g -> new Tally());
            t.scores.add(scores.getOrDefault(user, 0.0));
            if (i < topPeople) {
                t.top++;
            }
        }
        for (int i = 0; i < innocentRanked.size(); i++) {
            Tally t = tallies.get(groupOf.apply(innocentRanked.get(i)));
            t.innocents++;
            if (i < topInnocents) {
                t.topInnocents++;
            }
        }
        List<GroupFigures> figures = new ArrayList<>();
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            double innocentShare = innocentRanked.isEmpty() ? 0 : t.innocents / (double) innocentRanked.size();
            double pValue = binomialTail(topInnocents, t.topInnocents, innocentShare);
            boolean flagged = topInnocents > 0 && pValue < MAX_P_VALUE
                    && t.topInnocents / (double) topInnocents >= MIN_RATIO * innocentShare;
            double[] sorted = t.scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            figures.add(new GroupFigures(attribute, e.getKey(), sorted.length, quantile(sorted, 0.5),
                    quantile(sorted, 0.9), topPeople == 0 ? 0 : t.top / (double) topPeople,
                    sorted.length / (double) ranked.size(), t.innocents, t.topInnocents, innocentShare, pValue,
                    flagged));
        }
        figures.sort(Comparator.comparingInt(GroupFigures::people).reversed().thenComparing(GroupFigures::group));
        return figures;
    }

    /** The flagged groups, in the order of {@link #groups()}. */
    public List<GroupFigures> flags() {
        return groups.stream().filter(GroupFigures::flagged).toList();
    }

    /** Prints one table per attribute, then one FLAG line per flagged group or "no attribute drives scores". */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nFairness: score distribution by attribute of each person's latest directory record"
                + "%n(top 5 %% = the %d highest-ranked of %d people; flags test the %d highest-ranked of %d innocents)%n",
                topPeople, people, topInnocents, innocents);
        String attribute = null;
        for (GroupFigures g : groups) {
            if (!g.attribute().equals(attribute)) {
                attribute = g.attribute();
                out.printf(Locale.ROOT, "%-32s %7s %9s %9s %7s %8s%n", attribute, "people", "median", "p90",
                        "top5%", "people%");
            }
            out.printf(Locale.ROOT, "  %-30s %7d %9.2f %9.2f %6.1f%% %7.1f%%%s%n", g.group(), g.people(),
                    g.medianScore(), g.p90Score(), 100 * g.topShare(), 100 * g.peopleShare(),
                    g.flagged() ? "  FLAG" : "");
        }
        List<GroupFigures> flags = flags();
        for (GroupFigures g : flags) {
            out.printf(Locale.ROOT, "FLAG %s=%s: %d of %d top-ranked innocents (%.0f %%) vs %.0f %% of innocents"
                    + " (p=%.2g)%n", g.attribute(), g.group(), g.topInnocents(), topInnocents,
                    100.0 * g.topInnocents() / topInnocents, 100 * g.innocentShare(), g.pValue());
        }
        if (flags.isEmpty()) {
            out.println("no attribute drives scores");
        }
    }

    /** The binomial tail P(X ≥ x) for X ~ Binomial(n, p). */
    static double binomialTail(int n, int x, double p) {
        if (x <= 0) {
            return 1.0;
        }
        if (x > n || p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        if (x <= n * p) {
            return Math.max(0.0, 1.0 - sumPmf(n, x - 1, p, -1));
        }
        return Math.min(1.0, sumPmf(n, x, p, +1));
    }

    /*
     * Sums the binomial pmf from k = from in direction step (+1 up to n, -1 down to 0), starting in log space so
     * that large n does not underflow; the pmf shrinks monotonically in that direction away from the mean, so the sum
     * stops once a term underflows to zero.
     */
    private static double sumPmf(int n, int from, double p, int step) {
        double pmf = Math.exp(logChoose(n, from) + from * Math.log(p) + (n - from) * Math.log1p(-p));
        double sum = 0;
        for (int k = from; k >= 0 && k <= n && pmf > 0; k += step) {
            sum += pmf;
            pmf *= step > 0 ? (n - k) / (double) (k + 1) * p / (1 - p) : k / (double) (n - k + 1) * (1 - p) / p;
        }
        return sum;
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= Math.min(k, n - k); i++) {
            sum += Math.log(n - Math.min(k, n - k) + i) - Math.log(i);
        }
        return sum;
    }

    /** The q-quantile of sorted values, interpolating linearly between ranks; NaN when there are none. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    private static int top(int count) {
        return (int) Math.ceil(TOP_SHARE * count);
    }

    private static Map<String, Function<PersonRecord, String>> attributes() {
        Map<String, Function<PersonRecord, String>> a = new LinkedHashMap<>();
        a.put("role", PersonRecord::role);
        a.put("business-unit", PersonRecord::subsidiary);
        a.put("functional-unit", PersonRecord::functionalUnit);
        a.put("department", PersonRecord::department);
        return a;
    }

    private static final class Tally {
        private final List<Double> scores = new ArrayList<>();
        private int top;
        private int innocents;
        private int topInnocents;
    }
}
