package org.custos.material.mark;

import java.util.List;

/**
 * A CanaryFinding is what the canary trap of one item says about a suspect text: how much of the text was placed
 * in the item, how many variant positions were read, the best-matching issued copies, and whether the best one is
 * named.
 *
 * @param item the registry item id
 * @param suspectWords words in the suspect text
 * @param placedWords suspect words placed in the item's text
 * @param sitesRead variant positions read
 * @param candidates the best-matching copies, best first (at most three)
 * @param posterior the probability of the best copy against every other issued copy and "none of them"
 * @param identified the copy id named, or null when the evidence does not support naming one
 */
public record CanaryFinding(String item, int suspectWords, int placedWords, int sitesRead,
        List<Candidate> candidates, double posterior, String identified) {

    /**
     * One issued copy's fit.
     *
     * @param copy the copy id
     * @param agree sites whose variant is this copy's
     * @param read sites read
     * @param logLikelihoodRatio the log of how much likelier the reading is from this copy than from an unmarked
     *     or unknown one
     */
    public record Candidate(String copy, int agree, int read, double logLikelihoodRatio) {
    }
}
