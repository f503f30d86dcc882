package org.custos.store.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An AuditEntry is what one action or view says about itself before the log numbers and times it: who did it, in
 * which role, what they did, whose data it touched, which objects, from where, and any details.
 *
 * @param actor who acted: a user id, or {@code custos} for the system itself
 * @param role the role the actor acted in (e.g. {@code investigator}, {@code admin}, {@code system})
 * @param action what was done, a dotted verb such as {@code case.view} or {@code alert.update}
 * @param subject the pseudonym of the person whose data was touched, or null when no one's was
 * @param objects the ids of the objects touched (cases, alerts, items), in the order given
 * @param from where the action came from: a network address, a host name, or {@code local}
 * @param details further named facts (sorted by name)
 */
public record AuditEntry(String actor, String role, String action, String subject, List<String> objects,
        String from, Map<String, String> details) {

    /** An AuditEntry names a non-blank actor, role, action and origin; objects and details are copied. */
    public AuditEntry {
        requireText("actor", actor);
        requireText("role", role);
        requireText("action", action);
        requireText("from", from);
        if (subject != null && subject.isBlank()) {
            throw new IllegalArgumentException("an audit entry's subject is null or a pseudonym, not blank");
        }
        objects = List.copyOf(objects);
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** An entry without object ids or details. */
    public static AuditEntry of(String actor, String role, String action, String subject, String from) {
        return new AuditEntry(actor, role, action, subject, List.of(), from, Map.of());
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a non-blank " + field);
        }
    }
}
