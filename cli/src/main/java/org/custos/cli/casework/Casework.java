package org.custos.cli.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.cli.UsageException;
import org.custos.cli.account.Operator;
import org.custos.core.casefile.CaseFile;
import org.custos.report.PeopleMask;
import org.custos.store.PersonSummary;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.AuditRecord;
import org.custos.store.privacy.Pseudonyms;

/**
 * Casework is one {@code custos case} command's session: the store, the audit log, the pseudonyms and the operator,
 * with the checks every action goes through (role, then case state) and the audit entry every action and view
 * leaves behind.
 */
final class Casework implements AutoCloseable {

    /*
     * An action concerning a case is audited once per subject (the entry's subject is that person's pseudonym), so
     * "who looked at this person's data" is one query over the log. A refused attempt is audited too, as
     * case.refused with the action it asked for. The operating-system user is recorded beside the account.
     */

    private final Path data;
    private final Store store;
    private final AuditLog audit;
    private final Pseudonyms pseudonyms;
    private final Operator operator;
    private final Clock clock;
    private Map<String, String> userByPseudonym;
    private PeopleMask people;

    private Casework(Path data, Store store, AuditLog audit, Pseudonyms pseudonyms, Operator operator, Clock clock) {
        this.data = data;
        this.store = store;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.operator = operator;
        this.clock = clock;
    }

    /** Opens the data directory and resolves the operator; fails with a one-line message when either is missing. */
    static Casework open(CaseOptions options) {
        Path dir = options.data;
        Clock clock = Clock.systemUTC();
        Store store = Stores.open(dir.toString());
        try {
            Operator operator = Operator.resolve(store, options.as);
            Pseudonyms pseudonyms = Pseudonyms.open(dir);
            AuditLog audit = AuditLog.open(dir, clock);
            return new Casework(dir, store, audit, pseudonyms, operator, clock);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    Store store() {
        return store;
    }

    Operator operator() {
        return operator;
    }

    Role role() {
        return operator.account().role();
    }

    Instant now() {
        return clock.instant();
    }

    /** The case with this id, or a usage failure naming it. */
    CaseFile caseFile(String id) {
        return store.caseFile(id.strip()).orElseThrow(() -> new UsageException("no case '" + id + "' in "
                + store.info().location() + " ('custos case list' shows the cases)"));
    }

    /**
     * The case with this id, on which the operator may do {@code action} and which is active: otherwise the attempt
     * is refused (and audited) with "ID is closed; {@code whenClosed}".
     */
    CaseFile activeCase(String id, CaseAction action, String whenClosed) {
        CaseFile c = caseFile(id);
        require(action, Optional.of(c));
        if (!c.isActive()) {
            throw refuse(action, Optional.of(c), c.id() + " is closed; " + whenClosed);
        }
        return c;
    }

    /** Checks the operator's role for {@code action}; a refusal is audited (against the case's subjects, if any). */
    void require(CaseAction action, Optional<CaseFile> onCase) {
        if (!action.allows(role())) {
            refuse(action, onCase, operator.name() + " is " + article(role().id()) + " " + role().id() + "; to "
                    + action.label() + " an account must be " + article(action.allowed()) + " " + action.allowed());
        }
    }

    /** Audits a refused attempt and throws the refusal. */
    Refusal refuse(CaseAction action, Optional<CaseFile> onCase, String message) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("asked", action.auditName());
        details.put("reason", message);
        if (onCase.isPresent()) {
            record("case.refused", onCase.get(), details);
        } else {
            record("case.refused", null, List.of(), details);
        }
        throw new Refusal("refused: " + message);
    }

    /** The pseudonym of a person. */
    String pseudonym(String user) {
        return pseudonyms.of(user);
    }

    /** The subjects of a case as pseudonyms, in order. */
    List<String> pseudonyms(CaseFile c) {
        return c.subjects().stream().map(this::pseudonym).toList();
    }

    /**
     * The account id a user gave: an account id the store knows, or the pseudonym of one.
     *
     * @throws UsageException naming the value when it is neither
     */
    String person(String given) {
        String g = given.strip();
        if (store.person(g).isPresent() || store.people().stream().anyMatch(p -> p.user().equals(g))) {
            return g;
        }
        if (userByPseudonym == null) {
            userByPseudonym = new HashMap<>();
            for (PersonSummary p : store.people()) {
                userByPseudonym.put(pseudonym(p.user()), p.user());
            }
        }
        String user = userByPseudonym.get(g);
        if (user == null) {
            throw new UsageException("no person '" + given + "' in " + store.info().location()
                    + " (give an account id or a pseudonym of someone in the stored directory or events)");
        }
        return user;
    }

    /**
     * The text with every person the store knows (account id, name, e-mail address) replaced by their pseudonym,
     * except the people in {@code visible}: alert ids ({@code USER@EPOCH}), stories, explanations, event lines.
     */
    String mask(String text, Set<String> visible) {
        return people().mask(text, visible);
    }

    /** The mask over everyone the store knows, made on first use. */
    PeopleMask people() {
        if (people == null) {
            people = PeopleMask.of(store, this::pseudonym);
        }
        return people;
    }

    /** The data directory. */
    Path data() {
        return data;
    }

    /** True when the operator may see the names of this case's subjects: an investigator on an active case. */
    boolean mayReveal(CaseFile c) {
        return CaseAction.REVEAL.allows(role()) && c.isActive();
    }

    /** Appends one entry per subject of the case for {@code action}. */
    void record(String action, CaseFile c, Map<String, String> details) {
        for (String subject : c.subjects()) {
            record(action, pseudonym(subject), List.of(c.id()), details);
        }
    }

    /**
     * Appends one entry and makes it durable before returning, so nothing is shown or changed on the strength of an
     * audit entry a crash could lose; {@code subject} is a pseudonym or null.
     */
    void record(String action, String subject, List<String> objects, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("osUser", operator.osUser());
        audit.append(new AuditEntry(operator.name(), role().id(), action, subject, objects, operator.host(), all));
        audit.flush();
    }

    /** The audit records whose objects include the case, in log order. */
    List<AuditRecord> trail(String caseId) {
        audit.flush();
        List<AuditRecord> out = new ArrayList<>();
        try {
            AuditLog.read(data, 0, r -> {
                if (r.entry().objects().contains(caseId)) {
                    out.add(r);
                }
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            audit.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.close();
        }
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
