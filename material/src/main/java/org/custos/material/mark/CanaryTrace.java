package org.custos.material.mark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * CanaryTrace names the copy a suspect text came from by maximum likelihood over the issued copies of its item.
 *
 * <p>Each site read agrees with a copy's keyed choice or not. Under "the text is from copy c" a site agrees with
 * probability 1 − ε (ε = {@value #EPSILON}: a typo, an OCR error, a retyper's own habit), except that a comma or
 * an optional word the copy has is left out with probability {@value #OMISSION} (retypers drop more than they add);
 * under "it is from none of the issued copies" it agrees by chance, 1/k for a site with k variants. A copy's score
 * is the log-likelihood ratio of the two. Whatever these error rates, the chance of a coincidence below is computed
 * exactly for the score as defined, so they change how soon a copy is named, never the bound on naming a wrong one.
 *
 * <p>The best copy is named only when a coincidence is ruled out: {@code chance}, the probability that at least
 * one of the N issued copies would score as high by luck alone (N times the exact tail probability of the score
 * when every site agrees by chance, computed over the sites actually read), is at most {@value #NAMING_CHANCE};
 * the second-best copy's chance is above that too (otherwise two copies fit, and the text may mix them); at least
 * {@value #MIN_SITES} sites were read; and at most one in {@value #MAX_DISAGREEING} of them disagrees (a real copy
 * disagrees only where the reading erred; a copy that matches a text from elsewhere by luck fits better than chance
 * but with many disagreements). Otherwise the finding
 * lists the candidates and names no one. Nobody is named either when at least nine in ten of the sites read (and
 * at least {@value #MIN_SITES}) show the registered text's own wording: that is the unmarked original, which every
 * copy matches at a fraction of the sites by chance.
 */
public final class CanaryTrace {

    static final double EPSILON = 0.04;
    static final double OMISSION = 0.12;
    static final double NAMING_CHANCE = 0.001;
    static final double RIVAL_CHANCE = NAMING_CHANCE;
    static final int MIN_SITES = 8;
    /** At most one site in this many may disagree with the copy named. */
    static final int MAX_DISAGREEING = 10;

    private final MarkKey key;

    /** A tracer with the installation's key. */
    public CanaryTrace(MarkKey key) {
        this.key = key;
    }

    /** How many of a suspect's words the item's text places (0 when it is not from this item). */
    public static int placedWords(Canary canary, String suspect) {
        return canary.placedWords(suspect);
    }

    /** Reads the canary of one item in a suspect text and scores every issued copy of that item. */
    public CanaryFinding trace(Canary canary, String item, List<String> copies, String suspect) {
        Canary.Reading reading = canary.read(suspect);
        List<Canary.Observed> observed = reading.observed();
        List<CanaryFinding.Candidate> scored = new ArrayList<>(copies.size());
        ScoreTail tail = new ScoreTail(observed);
        Map<String, Integer> bins = new HashMap<>();
        for (String copy : copies) {
            MarkKey.Chooser chooser = key.chooser(item, copy);
            int agree = 0;
            double llr = 0;
            int bin = 0;
            for (int i = 0; i < observed.size(); i++) {
                Canary.Observed o = observed.get(i);
                boolean agrees = chooser.choice(o.site(), o.variants()) == o.variant();
                agree += agrees ? 1 : 0;
                llr += logRatio(o, agrees);
                bin += tail.step(i, agrees);
            }
            bins.put(copy, bin);
            scored.add(new CanaryFinding.Candidate(copy, agree, observed.size(), llr));
        }
        int original = 0;
        for (Canary.Observed o : observed) {
            original += canary.sites().get(o.site()).original() == o.variant() ? 1 : 0;
        }
        boolean unmarked = observed.size() >= MIN_SITES && original * 10 >= observed.size() * 9;
        scored.sort(Comparator.comparingDouble(CanaryFinding.Candidate::logLikelihoodRatio).reversed());
        double chance = 1;
        String identified = null;
        if (!scored.isEmpty() && !observed.isEmpty()) {
            CanaryFinding.Candidate best = scored.get(0);
            chance = Math.min(1, copies.size() * tail.atLeast(bins.get(best.copy())));
            double rival = scored.size() < 2 ? 1
                    : Math.min(1, copies.size() * tail.atLeast(bins.get(scored.get(1).copy())));
            if (!unmarked && chance <= NAMING_CHANCE && rival > RIVAL_CHANCE && best.read() >= MIN_SITES
                    && (best.read() - best.agree()) * MAX_DISAGREEING <= best.read()) {
                identified = best.copy();
            }
        }
        return new CanaryFinding(item, canary.version(), reading.suspectWords(), reading.alignedWords(), observed.size(),
                original, List.copyOf(scored.subList(0, Math.min(3, scored.size()))), chance, identified);
    }

    /**
     * The log-likelihood ratio of one site read, from the copy against chance (1/k). A symmetric site is misread
     * with probability ε. At a site whose variant 1 is the presence of a comma or an optional word, a retyper
     * leaves out what is there (probability {@value #OMISSION}) more often than adding what is not (ε).
     */
    static double logRatio(Canary.Observed o, boolean agrees) {
        int k = o.variants();
        if (!o.omissible()) {
            return agrees ? Math.log((1 - EPSILON) * k) : Math.log(EPSILON * k / (k - 1));
        }
        if (o.variant() == 1) {
            return agrees ? Math.log((1 - OMISSION) * 2) : Math.log(EPSILON * 2);
        }
        return agrees ? Math.log((1 - EPSILON) * 2) : Math.log(OMISSION * 2);
    }

    /**
     * ScoreTail is the distribution of a copy's score when every site agrees by chance (1/k for k variants): exact
     * by dynamic programming over scores rounded to 1/{@value #BINS_PER_NAT} nat, for up to {@value #EXACT_SITES}
     * sites; beyond that, Markov's bound E[e^score] / e^score (E computed over the sites read: about 1, since each
     * site's ratio has expectation near 1 under chance), which is then far below any threshold for a real copy.
     */
    static final class ScoreTail {
        static final int BINS_PER_NAT = 20;
        static final int EXACT_SITES = 600;

        private final double[] probability;
        private final int offset;
        private final boolean exact;
        private final int[][] steps;
        private double logExpectation;

        ScoreTail(List<Canary.Observed> sites) {
            exact = sites.size() <= EXACT_SITES;
            int min = 0;
            int max = 0;
            steps = new int[sites.size()][2];
            for (int i = 0; i < sites.size(); i++) {
                steps[i][0] = (int) Math.round(logRatio(sites.get(i), true) * BINS_PER_NAT);
                steps[i][1] = (int) Math.round(logRatio(sites.get(i), false) * BINS_PER_NAT);
                max += steps[i][0];
                min += steps[i][1];
            }
            if (!exact) {
                for (int i = 0; i < sites.size(); i++) {
                    double agree = 1.0 / sites.get(i).variants();
                    logExpectation += Math.log(agree * Math.exp((double) steps[i][0] / BINS_PER_NAT)
                            + (1 - agree) * Math.exp((double) steps[i][1] / BINS_PER_NAT));
                }
                probability = null;
                offset = 0;
                return;
            }
            offset = -min;
            double[] p = new double[max - min + 1];
            p[offset] = 1;
            int lo = offset;
            int hi = offset;
            for (int i = 0; i < sites.size(); i++) {
                double agree = 1.0 / sites.get(i).variants();
                double[] next = new double[p.length];
                for (int s = lo; s <= hi; s++) {
                    if (p[s] != 0) {
                        next[s + steps[i][0]] += p[s] * agree;
                        next[s + steps[i][1]] += p[s] * (1 - agree);
                    }
                }
                lo += steps[i][1];
                hi += steps[i][0];
                p = next;
            }
            for (int s = p.length - 2; s >= 0; s--) {
                p[s] += p[s + 1];
            }
            probability = p;
        }

        /** The rounded score step of site {@code i} when it agrees or not. */
        int step(int i, boolean agree) {
            return steps[i][agree ? 0 : 1];
        }

        /** P(score ≥ {@code bins}) under chance, for a score summed from {@link #step}s. */
        double atLeast(int bins) {
            if (!exact) {
                return Math.min(1, Math.exp(logExpectation - (double) bins / BINS_PER_NAT));
            }
            int bin = bins + offset;
            return bin <= 0 ? 1 : bin >= probability.length ? 0 : probability[bin];
        }
    }
}
