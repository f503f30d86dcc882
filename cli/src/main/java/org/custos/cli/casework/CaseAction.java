package org.custos.cli.casework;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.custos.store.Role;

/**
 * A CaseAction is one thing an account can do with cases, with the roles allowed to do it and the name its audit
 * entry carries. This list is the one definition of who may do what; the help and docs/cases.md follow it.
 */
enum CaseAction {
    /** Open a case from an alert or by hand. */
    OPEN("case.open", EnumSet.of(Role.ANALYST, Role.INVESTIGATOR)),
    /** List cases. */
    LIST("case.list", EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.AUDITOR)),
    /** Show one case with its notes and evidence. */
    VIEW("case.view", EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.AUDITOR)),
    /** Assign a case to an investigator. */
    ASSIGN("case.assign", EnumSet.of(Role.INVESTIGATOR)),
    /** Add a note. */
    NOTE("case.note", EnumSet.of(Role.INVESTIGATOR)),
    /** Add files or events as evidence. */
    EVIDENCE_ADD("case.evidence.add", EnumSet.of(Role.INVESTIGATOR)),
    /** Re-hash the evidence and compare with the recorded digests. */
    EVIDENCE_VERIFY("case.evidence.verify", EnumSet.of(Role.INVESTIGATOR, Role.AUDITOR)),
    /** Move a case to another status. */
    STATUS("case.status", EnumSet.of(Role.INVESTIGATOR)),
    /** Show the real name of a subject (also: only on an active case). */
    REVEAL("case.reveal", EnumSet.of(Role.INVESTIGATOR)),
    /** Write the case report (whoever may view a case may print its report; names only by the reveal rule). */
    REPORT("case.report", EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.AUDITOR));

    private final String auditName;
    private final Set<Role> roles;

    CaseAction(String auditName, Set<Role> roles) {
        this.auditName = auditName;
        this.roles = roles;
    }

    /** The action name in audit entries, e.g. {@code case.open}. */
    String auditName() {
        return auditName;
    }

    /** True when an account with {@code role} may do this. */
    boolean allows(Role role) {
        return roles.contains(role);
    }

    /** The allowed roles for messages, e.g. {@code analyst or investigator}. */
    String allowed() {
        String joined = roles.stream().map(Role::id).collect(Collectors.joining(", "));
        int last = joined.lastIndexOf(", ");
        return last < 0 ? joined : joined.substring(0, last) + " or " + joined.substring(last + 2);
    }

    /** The lower-case name of the action for messages. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
