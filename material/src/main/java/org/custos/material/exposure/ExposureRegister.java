package org.custos.material.exposure;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.organization.EmploymentPeriod;
import org.custos.core.organization.Organization;
import org.custos.core.organization.PersonRecord;
import org.custos.material.registry.ItemSummary;

/**
 * An ExposureRegister is who could know which registered material: project grants read from the monthly LDAP
 * snapshots, and the file events and e-mail attachments whose file names are those of registered items.
 */
public final class ExposureRegister {

    /*
     * A person counts as listed in a month when the month lies between their first snapshot and the end of their
     * employment (the last snapshot listing them, or the personnel feed's departure day); the record used is the one
     * Organization.recordOn gives for the first day of that month. Organization exposes no per-month membership, so
     * a person missing from a single snapshot in the middle keeps the previous month's grants.
     *
     * A file matches an item when the last element of its path (after '/' or '\') equals the item's registered file
     * name, ignoring case. Contents are not compared.
     */

    /** One project granted to one person: the first and last month it was granted and the subsidiaries then. */
    public record Grant(String user, String project, YearMonth first, YearMonth last, List<String> subsidiaries) {
    }

    /** One person's file events and attachments whose file name is a registered item's name. */
    public record Touch(String user, ItemSummary item, int fileEvents, int attachments, Instant first, Instant last) {
    }

    private final Organization organization;
    private final List<Grant> grants;
    private final List<Touch> touches;
    private final Set<String> usersInEvents;

    private ExposureRegister(Organization organization, List<Grant> grants, List<Touch> touches,
            Set<String> usersInEvents) {
        this.organization = organization;
        this.grants = grants;
        this.touches = touches;
        this.usersInEvents = usersInEvents;
    }

    /**
     * The register of the selected people from an organization's snapshots and one pass over the events of a source
     * that may fail while reading (for example a CERT directory's files), matched against the given items.
     */
    public static ExposureRegister read(Organization org, EventSource events, List<ItemSummary> items,
            Predicate<String> selected) throws IOException {
        return build(org, events, items, selected);
    }

    /**
     * The register of the selected people from an organization (the stored directory snapshots) and events already
     * read (for example one person's stored timeline).
     */
    public static ExposureRegister of(Organization org, Iterable<? extends Event> events, List<ItemSummary> items,
            Predicate<String> selected) {
        try {
            return build(org, sink -> events.forEach(sink), items, selected);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An EventSource hands every event it holds, once, to a sink, and may fail while reading. */
    @FunctionalInterface
    public interface EventSource {
        /** Passes every event to the sink. */
        void forEachEvent(java.util.function.Consumer<Event> sink) throws IOException;
    }

    private static ExposureRegister build(Organization org, EventSource input, List<ItemSummary> items,
            Predicate<String> selected) throws IOException {
        List<Grant> grants = new ArrayList<>();
        for (String user : org.users()) {
            if (selected.test(user)) {
                grants.addAll(grantsOf(org, user));
            }
        }
        Map<String, List<ItemSummary>> byName = new HashMap<>();
        for (ItemSummary item : items) {
            byName.computeIfAbsent(item.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(item);
        }
        Map<String, Tally> tallies = new TreeMap<>();
        Set<String> usersInEvents = new HashSet<>();
        input.forEachEvent(event -> {
            if (event instanceof FileActivity f && selected.test(f.user())) {
                usersInEvents.add(f.user());
                for (ItemSummary item : byName.getOrDefault(fileName(f.path()), List.of())) {
                    tallies.computeIfAbsent(f.user() + "\n" + item.id(), k -> new Tally(f.user(), item))
                            .add(f.time(), true);
                }
            } else if (event instanceof EmailMessage m && selected.test(m.user())) {
                usersInEvents.add(m.user());
                for (String attachment : m.attachments()) {
                    for (ItemSummary item : byName.getOrDefault(fileName(attachment), List.of())) {
                        tallies.computeIfAbsent(m.user() + "\n" + item.id(), k -> new Tally(m.user(), item))
                                .add(m.time(), false);
                    }
                }
            }
        });
        List<Touch> touches = tallies.values().stream().map(Tally::touch).toList();
        return new ExposureRegister(org, grants, touches, usersInEvents);
    }

    private static List<Grant> grantsOf(Organization org, String user) {
        Optional<EmploymentPeriod> employment = org.employment(user);
        if (employment.isEmpty()) {
            return List.of();
        }
        YearMonth start = YearMonth.from(employment.get().start());
        Optional<YearMonth> end = employment.get().end().map(YearMonth::from);
        Map<String, YearMonth[]> spans = new TreeMap<>();
        Map<String, Set<String>> subsidiaries = new HashMap<>();
        for (YearMonth month : org.months()) {
            if (month.isBefore(start) || end.isPresent() && month.isAfter(end.get())) {
                continue;
            }
            Optional<PersonRecord> record = org.recordOn(user, month.atDay(1));
            if (record.isEmpty()) {
                continue;
            }
            for (String project : record.get().projects()) {
                spans.computeIfAbsent(project, p -> new YearMonth[] {month, month})[1] = month;
                if (!record.get().subsidiary().isEmpty()) {
                    subsidiaries.computeIfAbsent(project, p -> new LinkedHashSet<>()).add(record.get().subsidiary());
                }
            }
        }
        List<Grant> grants = new ArrayList<>();
        spans.forEach((project, span) -> grants.add(new Grant(user, project, span[0], span[1],
                List.copyOf(subsidiaries.getOrDefault(project, Set.of())))));
        return grants;
    }

    /** The file name of a path written with '/' or '\' separators, lower-cased. */
    static String fileName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** The directory the grants were read from. */
    public Organization organization() {
        return organization;
    }

    /** True when the account is in some snapshot or did something in the events read. */
    public boolean knows(String user) {
        return organization.knows(user) || usersInEvents.contains(user);
    }

    /** The grants read, by person then project. */
    public List<Grant> grants() {
        return grants;
    }

    /** The grants of one project, matched by its exact name. */
    public List<Grant> grantsOf(String project) {
        return grants.stream().filter(g -> g.project().equals(project)).toList();
    }

    /** The touches read, by person then item id. */
    public List<Touch> touches() {
        return touches;
    }

    /** The day the person left, when they have. */
    public Optional<LocalDate> departure(String user) {
        return organization.employment(user).flatMap(EmploymentPeriod::end);
    }

    /** The person's name in the latest snapshot, or empty. */
    public String name(String user) {
        return organization.latestRecord(user).map(PersonRecord::name).orElse("");
    }

    /** The account whose id, or else whose full name, is {@code person} (ignoring case); empty when none. */
    public static Optional<String> account(Organization org, String person) {
        if (org.knows(person)) {
            return Optional.of(person);
        }
        return org.users().stream()
                .filter(u -> org.latestRecord(u).map(r -> r.name().equalsIgnoreCase(person)
                        || u.equalsIgnoreCase(person)).orElse(false))
                .min(Comparator.naturalOrder());
    }

    private static final class Tally {
        private final String user;
        private final ItemSummary item;
        private int fileEvents;
        private int attachments;
        private Instant first;
        private Instant last;

        Tally(String user, ItemSummary item) {
            this.user = user;
            this.item = item;
        }

        void add(Instant time, boolean fileEvent) {
            if (fileEvent) {
                fileEvents++;
            } else {
                attachments++;
            }
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }

        Touch touch() {
            return new Touch(user, item, fileEvents, attachments, first, last);
        }
    }
}
