package org.custos.core.rule;

import java.util.List;
import java.util.function.Function;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;

/**
 * A FieldTest compares one field of an event with a rule's values.
 *
 * @param kind the event kind the field belongs to
 * @param field the Custos field name ({@link EventFields})
 * @param test how the values are compared
 */
public record FieldTest(EventKind kind, String field, ValueTest test, Reader reader) implements RuleCondition {

    /** The field's reader, resolved once. */
    public record Reader(Function<Event, List<String>> read, ValueTest.Compiled compiled) {
    }

    /** A test of a field of a kind; fails fast when the kind has no such field or a value does not compile. */
    public static FieldTest of(EventKind kind, String field, ValueTest test) {
        Function<Event, List<String>> read = EventFields.field(kind, field).orElseThrow(() ->
                new IllegalArgumentException("'" + field + "' is not a field of " + kind.label() + " events (known: "
                        + String.join(", ", EventFields.names(kind)) + ")"));
        return new FieldTest(kind, field, test, new Reader(read, test.compile()));
    }

    @Override
    public boolean matches(Event event) {
        return reader.compiled().matches(reader.read().apply(event));
    }
}
