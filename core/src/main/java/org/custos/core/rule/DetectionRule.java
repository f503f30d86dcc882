package org.custos.core.rule;

import java.util.Objects;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Indicator;

/**
 * A DetectionRule is a single-event detection loaded at run time (from a Sigma rule): the events of one kind that
 * pass its condition raise its indicator.
 *
 * @param source where the rule came from ({@code rules/usb.yml})
 * @param title the rule's title
 * @param kind the event kind it tests
 * @param condition the test
 * @param indicator the indicator its hits raise
 */
public record DetectionRule(String source, String title, EventKind kind, RuleCondition condition,
        Indicator indicator) {

    /** Checks the fields. */
    public DetectionRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(indicator, "indicator");
    }
}
