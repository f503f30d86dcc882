package org.custos.material.mark;

import java.util.List;

/**
 * A CanaryFinding is what the canary trap of one item says about a suspect text: how much of the text was placed
 * in the item, how many variant positions were read, the best-matching issued copies, and whether the best one is
 * named.
 *
 * @param item the registry item id
 * @param rules the version of the canary rules the copies scored were made with (and the text was read with)
 * @param suspectWords words in the suspect text
 * @param placedWords suspect words placed in the item's text
 * @param sitesRead variant positions read
 * @param originalAgree sites read whose variant is the registered text's own (nearly all: the unmarked original)
 * @param candidates the best-matching copies, best first (at most three)
 * @param chance the probability that any of the issued copies would match as well as the best one by luck alone
 * @param identified the copy id named, or null when the evidence does not support naming one
 */
public record CanaryFinding(String item, int rules, int suspectWords, int placedWords, int sitesRead, int originalAgree,
        List<Candidate> candidates, double chance, String identified) {

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
