package org.custos.material.mark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CanaryTrace names the copy a suspect text came from by maximum likelihood over the issued copies of its item.
 *
 * <p>Each site read agrees with a copy's keyed choice or not. Under "the text is from copy c" a site agrees with
 * probability 1 − ε (ε = {@value #EPSILON}: a typo, an OCR error, a retyper's own habit); under "it is from none of
 * the issued copies" it agrees by chance, 1/k for a site with k variants. A copy's score is the log-likelihood
 * ratio of the two. The best copy is named only when its posterior probability, with half the prior on "none of
 * them" and the rest spread evenly over the N issued copies, is at least {@value #NAMING_POSTERIOR}, at least
 * {@value #MIN_SITES} sites were read, and at most a fifth of them disagree; otherwise the finding lists the
 * candidates and names no one.
 */
public final class CanaryTrace {

    static final double EPSILON = 0.04;
    static final double NAMING_POSTERIOR = 0.999;
    static final int MIN_SITES = 8;

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
        for (String copy : copies) {
            MarkKey.Chooser chooser = key.chooser(item, copy);
            int agree = 0;
            double llr = 0;
            for (Canary.Observed o : observed) {
                int k = o.variants();
                if (chooser.choice(o.site(), k) == o.variant()) {
                    agree++;
                    llr += Math.log((1 - EPSILON) * k);
                } else {
                    llr += Math.log(EPSILON * k / (k - 1));
                }
            }
            scored.add(new CanaryFinding.Candidate(copy, agree, observed.size(), llr));
        }
        scored.sort(Comparator.comparingDouble(CanaryFinding.Candidate::logLikelihoodRatio).reversed());
        double posterior = 0;
        String identified = null;
        if (!scored.isEmpty()) {
            CanaryFinding.Candidate best = scored.get(0);
            double max = Math.max(best.logLikelihoodRatio(), Math.log(copies.size()));
            double sum = Math.exp(Math.log(copies.size()) - max);
            for (CanaryFinding.Candidate c : scored) {
                sum += Math.exp(c.logLikelihoodRatio() - max);
            }
            posterior = Math.exp(best.logLikelihoodRatio() - max) / sum;
            if (posterior >= NAMING_POSTERIOR && best.read() >= MIN_SITES
                    && (best.read() - best.agree()) * 5 <= best.read()) {
                identified = best.copy();
            }
        }
        return new CanaryFinding(item, reading.suspectWords(), reading.alignedWords(), observed.size(),
                List.copyOf(scored.subList(0, Math.min(3, scored.size()))), posterior, identified);
    }
}
