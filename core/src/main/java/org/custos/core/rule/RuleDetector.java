package org.custos.core.rule;

import java.util.List;
import java.util.Set;
import org.custos.core.detector.Detector;
import org.custos.core.detector.Person;
import org.custos.core.detector.Signal;
import org.custos.core.detector.SignalSink;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Indicator;

/**
 * A RuleDetector raises a detection rule's indicator for every event that passes the rule; it keeps no state, so a
 * rule is a single-event detection, and the risk model weighs its hits like any other indicator's.
 */
public final class RuleDetector implements Detector<Void> {

    private final DetectionRule rule;

    /** A detector for one rule. */
    public RuleDetector(DetectionRule rule) {
        this.rule = rule;
    }

    /** The rule this detector runs. */
    public DetectionRule rule() {
        return rule;
    }

    @Override
    public Indicator indicator() {
        return rule.indicator();
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(rule.kind());
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public void observe(Event event, Void state, Person person, SignalSink sink) {
        if (rule.condition().matches(event)) {
            sink.accept(new Signal(person.user(), rule.indicator(), event.time(), rule.indicator().weight(),
                    List.of(event.id()), "rule '" + rule.title() + "' (" + rule.source() + ") matched this "
                            + rule.kind().label() + " event on " + (event.host().isEmpty() ? "no host"
                                    : event.host())));
        }
    }
}
