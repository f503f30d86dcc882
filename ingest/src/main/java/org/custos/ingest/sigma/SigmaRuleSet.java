package org.custos.ingest.sigma;

import java.util.List;
import org.custos.core.rule.DetectionRule;

/**
 * A SigmaRuleSet is what loading a folder of Sigma rules gave: the rules that compiled and every problem found.
 *
 * @param rules the rules without problems, in file order
 * @param problems every problem of every file, in file and line order
 * @param files the rule files read
 */
public record SigmaRuleSet(List<DetectionRule> rules, List<SigmaProblem> problems, int files) {

    /** Copies the lists. */
    public SigmaRuleSet {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }
}
