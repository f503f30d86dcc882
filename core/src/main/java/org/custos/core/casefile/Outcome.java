package org.custos.core.casefile;

import java.util.Locale;

/** How a closed case ended. A score is a lead, so "no issue found" is an expected and respectable outcome. */
public enum Outcome {
    /** The concern was confirmed: material left or was about to leave. */
    CONFIRMED,
    /** A policy was broken without evidence of intent to harm. */
    POLICY_VIOLATION,
    /** The activity had an innocent explanation. */
    NO_ISSUE_FOUND,
    /** The evidence could not settle the question. */
    INSUFFICIENT_EVIDENCE;

    /** The kebab-case name used in files, URLs and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome named {@code id} (kebab or snake case); fails naming the accepted values. */
    public static Outcome parse(String id) {
        for (Outcome o : values()) {
            if (o.id().equalsIgnoreCase(id.replace('_', '-'))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + id
                + "' (expected confirmed, policy-violation, no-issue-found or insufficient-evidence)");
    }
}
