package org.custos.core.rule;

import java.util.List;
import org.custos.core.event.Event;

/** A RuleCondition is a detection rule's test of one event: field tests combined with and, or and not. */
public sealed interface RuleCondition permits RuleCondition.AllOf, RuleCondition.AnyOf, RuleCondition.Not,
        FieldTest {

    /** True when the event passes. */
    boolean matches(Event event);

    /**
     * Every part must pass.
     *
     * @param parts the parts
     */
    record AllOf(List<RuleCondition> parts) implements RuleCondition {
        /** Copies the parts. */
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean matches(Event event) {
            for (RuleCondition part : parts) {
                if (!part.matches(event)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * At least one part must pass.
     *
     * @param parts the parts
     */
    record AnyOf(List<RuleCondition> parts) implements RuleCondition {
        /** Copies the parts. */
        public AnyOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean matches(Event event) {
            for (RuleCondition part : parts) {
                if (part.matches(event)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The inner condition must fail.
     *
     * @param inner the negated condition
     */
    record Not(RuleCondition inner) implements RuleCondition {
        @Override
        public boolean matches(Event event) {
            return !inner.matches(event);
        }
    }
}
