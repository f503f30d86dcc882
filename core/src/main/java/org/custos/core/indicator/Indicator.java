package org.custos.core.indicator;

import java.util.Objects;

/**
 * An Indicator is one kind of concerning thing a detector looks for, with the metadata a reviewer needs.
 *
 * @param id the stable id ({@code removable-media-first-use}) used in reports and in {@code docs/indicators/ID.md}
 * @param category where the indicator sits on the critical path
 * @param summary one sentence saying what it means
 * @param weight the points one typical occurrence adds to the raw risk before decay and rarity
 * @param alertsAlone true when every signal of this indicator raises an alert whatever the score (a revoked
 *     account in use): some things a security office must hear about at once
 */
public record Indicator(String id, Category category, String summary, double weight, boolean alertsAlone)
        implements java.io.Serializable {

    /** Checks the fields. */
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(summary, "summary");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("indicator id must be lower-case kebab case, was '" + id + "'");
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("indicator " + id + " weight must be > 0, was " + weight);
        }
    }

    /** An indicator whose signals alert only through the score. */
    public Indicator(String id, Category category, String summary, double weight) {
        this(id, category, summary, weight, false);
    }

    /** The path of the indicator's documentation page, relative to the project root. */
    public String docPath() {
        return "docs/indicators/" + id + ".md";
    }
}
