package org.custos.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.custos.core.alert.Alert;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.Evidence;
import org.custos.core.event.Event;
import org.custos.core.risk.Contribution;
import org.custos.material.exposure.ExposureRegister;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.Registry;
import org.custos.report.reference.ReferencePack;
import org.custos.store.DailyScore;
import org.custos.store.PersonSummary;
import org.custos.store.Store;
import org.custos.store.StoredAlert;
import org.custos.store.audit.AuditRecord;

/**
 * A CaseReportAssembler gathers a {@link CaseReport} from the store: the subjects' timelines, scores and the
 * indicators behind them, exposure, attached assessments and traces, notes, evidence (re-hashed now) and the audit
 * trail, naming subjects as the viewer may see them. The command line and the dashboard both use it; each decides
 * who may see names and audits the report itself.
 */
public final class CaseReportAssembler {

    /*
     * Indicators come from the subject's highest stored score that carries contributions (the store keeps them for
     * the latest day), falling back to the latest score; the alert the case was opened from adds its own indicators
     * and story, and the daily series says which indicators fired on each day. The timeline is every stored event of
     * the subject in the week before (and the day after) the events behind those indicators and the alert, or the
     * thirty days before the case opened, each window cut at the limit, plus every event behind an indicator.
     */

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /**
     * Who a report is prepared for, shown in its header.
     *
     * @param account the account
     * @param role the account's role id
     * @param host where the report was prepared (a host name, or the client's address)
     * @param at when
     */
    public record PreparedFor(String account, String role, String host, Instant at) {
    }

    /**
     * Where a report's parts come from.
     *
     * @param store the store
     * @param dataDir the data directory (its material registry lists the items exposure names)
     * @param pseudonymOf the pseudonym of an account id
     * @param people the mask that hides everyone but the revealed subjects in free text
     * @param trail the audit records whose objects include a case id, in log order
     * @param sources.timelineLimit() the most events per subject and window on the timeline
     * @param moreEventsHint what the reader can do to see more events, appended to the notice of a cut timeline
     */
    public record Sources(Store store, Path dataDir, UnaryOperator<String> pseudonymOf, PeopleMask people,
            Function<String, List<AuditRecord>> trail, int timelineLimit, String moreEventsHint) {

        /** Checks the limit. */
        public Sources {
            if (timelineLimit < 1) {
                throw new IllegalArgumentException("timeline limit must be at least 1, was " + timelineLimit);
            }
        }
    }

    private final Sources sources;
    private final Store store;

    /** An assembler over the sources. */
    public CaseReportAssembler(Sources sources) {
        this.sources = sources;
        this.store = sources.store();
    }

    /**
     * The report on a case.
     *
     * @param c the case
     * @param reveal true to name the subjects (the caller has checked that the viewer may, and audits it)
     * @param references the reference pack to list, if any
     * @param preparedFor who the report is for
     */
    public CaseReport assemble(CaseFile c, boolean reveal, Optional<ReferencePack> references,
            PreparedFor preparedFor) {
        Set<String> visible = reveal ? Set.copyOf(c.subjects()) : Set.of();
        UnaryOperator<String> hide = t -> sources.people().mask(t, visible);
        List<String> notices = new ArrayList<>();
        Map<String, String> shown = new LinkedHashMap<>();
        List<CaseReport.Subject> subjects = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (PersonSummary p : store.people()) {
            if (c.subjects().contains(p.user())) {
                names.put(p.user(), p.name());
            }
        }
        for (String user : c.subjects()) {
            String name = names.getOrDefault(user, "");
            CaseReport.Subject s = new CaseReport.Subject(sources.pseudonymOf().apply(user), reveal ? user : null,
                    reveal && !name.isBlank() ? name : null);
            subjects.add(s);
            shown.put(user, s.label());
        }

        List<CaseReport.TimelineEvent> timeline = new ArrayList<>();
        List<CaseReport.Finding> findings = new ArrayList<>();
        List<CaseReport.DailyScore> daily = new ArrayList<>();
        List<CaseReport.Exposure> exposure = new ArrayList<>();
        List<ItemSummary> items = registryItems(notices);
        Optional<Alert> alert = c.alertId().flatMap(a -> store.alert(a)).map(StoredAlert::alert);
        for (String user : c.subjects()) {
            String who = shown.get(user);
            List<DailyScore> scores = store.dailyScores(user, EARLIEST, LATEST);
            scores.forEach(d -> daily.add(new CaseReport.DailyScore(who, d.day(), d.score(), d.movers())));
            Optional<DailyScore> basis = scores.stream().filter(d -> !d.contributions().isEmpty())
                    .max(Comparator.comparingDouble(DailyScore::score))
                    .or(() -> store.latestScore(user));
            Map<String, Set<String>> indicatorsByEvent = new HashMap<>();
            Instant first = null;
            Instant last = null;
            if (basis.isPresent()) {
                for (Contribution k : basis.get().contributions()) {
                    findings.add(new CaseReport.Finding(who, k.indicator(), k.category(), k.points(), k.eventCount(),
                            k.first(), k.last(), hide.apply(k.explanation()), k.eventIds()));
                    for (String id : k.eventIds()) {
                        indicatorsByEvent.computeIfAbsent(id, x -> new LinkedHashSet<>()).add(k.indicator());
                    }
                    first = k.first() != null && (first == null || k.first().isBefore(first)) ? k.first() : first;
                    last = k.last() != null && (last == null || k.last().isAfter(last)) ? k.last() : last;
                }
                if (!basis.get().contributions().isEmpty()) {
                    notices.add("Indicators of " + who + " as of " + basis.get().day() + " (score "
                            + String.format(java.util.Locale.ROOT, "%.1f", basis.get().score()) + ").");
                }
            } else {
                notices.add("No score of " + who + " is stored (run 'custos analyze' into this data directory).");
            }
            Map<String, Event> events = new TreeMap<>();
            List<Instant[]> windows = new ArrayList<>();
            if (first != null) {
                windows.add(new Instant[] {first.minus(Duration.ofDays(7)), last.plus(Duration.ofDays(1))});
            }
            if (alert.isPresent() && alert.get().user().equals(user)) {
                Instant t = alert.get().time();
                windows.add(new Instant[] {t.minus(Duration.ofDays(7)), t.plus(Duration.ofDays(1))});
            }
            if (windows.isEmpty()) {
                windows.add(new Instant[] {c.openedAt().minus(Duration.ofDays(30)), c.openedAt()});
            }
            for (Instant[] w : windows) {
                List<Event> window = store.timeline(user, w[0], w[1], sources.timelineLimit());
                if (window.size() >= sources.timelineLimit()) {
                    notices.add("The timeline of " + who + " shows the first " + sources.timelineLimit() + " events from "
                            + w[0] + "; " + sources.moreEventsHint() + ".");
                }
                window.forEach(e -> events.put(e.id(), e));
            }
            store.events(user, indicatorsByEvent.keySet()).forEach(e -> events.putIfAbsent(e.id(), e));
            for (Event e : events.values()) {
                List<String> behind = List.copyOf(indicatorsByEvent.getOrDefault(e.id(), Set.of()));
                timeline.add(new CaseReport.TimelineEvent(e.time(), who, e.kind().label(), e.host(), e.id(),
                        hide.apply(EventLines.describe(e)), behind));
            }
            CaseReport.Exposure x = exposure(user, who, items);
            exposure.add(new CaseReport.Exposure(x.subject(), x.status(), x.projects(),
                    x.items().stream().map(hide).toList()));
        }
        timeline.sort(Comparator.comparing(CaseReport.TimelineEvent::time).thenComparing(CaseReport.TimelineEvent::id));

        List<CaseReport.EvidenceItem> evidence = new ArrayList<>();
        List<CaseReport.AssessmentSummary> assessments = new ArrayList<>();
        List<CaseReport.TraceSummary> traces = new ArrayList<>();
        for (Evidence e : store.evidence(c.id())) {
            String check = EvidenceCheck.check(store, e);
            evidence.add(new CaseReport.EvidenceItem(e.id(), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                    e.name(), e.sha256(), e.size(), e.addedBy(), e.addedAt(), e.description(), check));
            if (e.kind() == Evidence.Kind.FILE && "intact".equals(check)) {
                byte[] bytes = store.evidenceContent(e.id());
                Optional<CaseReport.AssessmentSummary> a = AttachedReports.assessment(e.id(), e.name(), bytes);
                if (a.isPresent()) {
                    assessments.add(new CaseReport.AssessmentSummary(a.get().evidenceId(), a.get().name(),
                            a.get().files().stream().map(hide).toList()));
                } else {
                    AttachedReports.trace(e.id(), e.name(), bytes).ifPresent(t -> traces.add(
                            new CaseReport.TraceSummary(t.evidenceId(), t.name(), t.lines().stream().map(hide)
                                    .toList())));
                }
            }
        }
        List<CaseReport.Note> notes = store.notes(c.id()).stream()
                .map(n -> new CaseReport.Note(n.seq(), n.author(), n.time(), n.text())).toList();
        List<CaseReport.AuditEntry> audit = new ArrayList<>();
        for (AuditRecord r : sources.trail().apply(c.id())) {
            var e = r.entry();
            StringBuilder detail = new StringBuilder(String.join(" ", e.objects()));
            if (e.subject() != null) {
                detail.append(' ').append(e.subject());
            }
            e.details().forEach((k, v) -> {
                if (!"osUser".equals(k)) {
                    detail.append(' ').append(k).append('=').append(v);
                }
            });
            audit.add(new CaseReport.AuditEntry(r.index(), r.time(), e.actor() + " (" + e.role() + ")", e.action(),
                    e.from(), hide.apply(detail.toString())));
        }
        CaseReport.Header header = new CaseReport.Header(c.id(), hide.apply(c.title()), c.status().id(),
                c.outcome().map(o -> o.id()).orElse(null), c.assignee().orElse(null), c.openedBy(), c.openedAt(),
                c.alertId().map(hide).orElse(null), subjects, preparedFor.account(), preparedFor.role(),
                preparedFor.host(), preparedFor.at(), alert.map(a -> new CaseReport.AlertSummary(a.time(), a.score(),
                        a.indicators(), hide.apply(a.story()))).orElse(null));
        return new CaseReport(header, timeline, findings, daily, exposure, assessments, traces, notes, evidence,
                audit, references, notices);
    }

    private List<ItemSummary> registryItems(List<String> notices) {
        try {
            return Registry.open(sources.dataDir()).list();
        } catch (RuntimeException e) {
            notices.add("The material registry could not be read (" + e.getMessage() + "); exposure lists projects "
                    + "only.");
            return List.of();
        }
    }

    private CaseReport.Exposure exposure(String user, String who, List<ItemSummary> items) {
        List<Event> events = store.timeline(user, Instant.EPOCH, Instant.parse("2999-12-31T00:00:00Z"),
                1_000_000);
        ExposureRegister register = ExposureRegister.of(store.organization(), events, items, user::equals);
        Optional<LocalDate> left = register.departure(user);
        String status;
        var employment = register.organization().employment(user);
        if (left.isPresent()) {
            status = "left " + left.get() + "; former staff";
        } else if (employment.isPresent()) {
            status = "employed since " + employment.get().start() + "; current staff";
        } else {
            status = "in no stored directory snapshot; employment unknown";
        }
        List<String> projects = new ArrayList<>();
        Set<String> projectItems = new LinkedHashSet<>();
        for (ExposureRegister.Grant g : register.grants()) {
            projects.add(g.project() + " " + g.first() + " .. " + g.last()
                    + (g.subsidiaries().isEmpty() ? "" : " (subsidiary " + String.join(", ", g.subsidiaries()) + ")"));
            items.stream().filter(i -> g.project().equals(i.project()))
                    .forEach(i -> projectItems.add(i.id() + " " + i.level() + " " + i.name() + " (" + i.project()
                            + ", granted)"));
        }
        List<String> itemLines = new ArrayList<>(projectItems);
        for (ExposureRegister.Touch t : register.touches()) {
            itemLines.add(t.item().id() + " " + t.item().level() + " " + t.item().name() + " (handled: "
                    + t.fileEvents() + " file events, " + t.attachments() + " attachments, " + t.first() + " .. "
                    + t.last() + ")");
        }
        return new CaseReport.Exposure(who, status, projects, itemLines);
    }
}
