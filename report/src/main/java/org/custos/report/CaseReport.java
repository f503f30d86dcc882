package org.custos.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custos.report.reference.ReferencePack;

/**
 * A CaseReport is everything a case report shows, already resolved for one viewer: subjects appear under their
 * pseudonyms unless the viewer may reveal them. {@link HtmlCaseReport} and {@link PdfCaseReport} render it.
 *
 * @param header the case itself and who the report was prepared for
 * @param timeline the subjects' events in time order
 * @param findings the indicators that fired for the subjects, with the events behind them
 * @param daily the subjects' daily risk scores
 * @param exposure what each subject could know (projects granted, registered items handled)
 * @param assessments the assessment reports attached as evidence, summarized
 * @param traces the mark traces attached as evidence, summarized
 * @param notes the case notes in order
 * @param evidence the evidence with its digest and whether it still matches
 * @param audit the audit entries about this case, in order
 * @param references the reference pack to list, when asked for
 * @param notices what the report could not show and why (one line each)
 */
public record CaseReport(Header header, List<TimelineEvent> timeline, List<Finding> findings, List<DailyScore> daily,
        List<Exposure> exposure, List<AssessmentSummary> assessments, List<TraceSummary> traces, List<Note> notes,
        List<EvidenceItem> evidence, List<AuditEntry> audit, Optional<ReferencePack> references,
        List<String> notices) {

    /** Copies the lists. */
    public CaseReport {
        timeline = List.copyOf(timeline);
        findings = List.copyOf(findings);
        daily = List.copyOf(daily);
        exposure = List.copyOf(exposure);
        assessments = List.copyOf(assessments);
        traces = List.copyOf(traces);
        notes = List.copyOf(notes);
        evidence = List.copyOf(evidence);
        audit = List.copyOf(audit);
        notices = List.copyOf(notices);
    }

    /**
     * The case and the viewing.
     *
     * @param caseId the case id
     * @param title the case title
     * @param status the status id ({@code open}, {@code investigating}, ...)
     * @param outcome the outcome id of a closed case, or null
     * @param assignee the assigned account, or null
     * @param openedBy who opened the case
     * @param openedAt when
     * @param alertId the alert it was opened from, or null
     * @param subjects the people the case covers, as shown to this viewer
     * @param viewer the account the report was prepared for
     * @param viewerRole the viewer's role id
     * @param host the host the report was prepared on
     * @param preparedAt when it was prepared
     * @param alert the alert the case was opened from, as stored, or null
     */
    public record Header(String caseId, String title, String status, String outcome, String assignee,
            String openedBy, Instant openedAt, String alertId, List<Subject> subjects, String viewer,
            String viewerRole, String host, Instant preparedAt, AlertSummary alert) {

        /** Copies the subjects. */
        public Header {
            subjects = List.copyOf(subjects);
        }
    }

    /**
     * The alert a case was opened from.
     *
     * @param time when the score crossed the threshold
     * @param score the score then
     * @param indicators the indicators that carried it, largest first
     * @param story what changed, in one line
     */
    public record AlertSummary(Instant time, double score, List<String> indicators, String story) {

        /** Copies the indicators. */
        public AlertSummary {
            indicators = List.copyOf(indicators);
        }
    }

    /**
     * A person the case covers.
     *
     * @param pseudonym the stable pseudonym shown by default
     * @param account the account id when this viewer may see it, else null
     * @param name the directory name when this viewer may see it and the directory has one, else null
     */
    public record Subject(String pseudonym, String account, String name) {

        /** How the subject appears in the header: name, account and pseudonym, or the pseudonym alone. */
        public String shown() {
            if (account == null) {
                return pseudonym;
            }
            return (name == null ? "" : name + ", ") + "account " + account + " (" + pseudonym + ")";
        }

        /** How the subject appears in table rows: the name (else the account) when revealed, else the pseudonym. */
        public String label() {
            return account == null ? pseudonym : name != null ? name : account;
        }
    }

    /**
     * One event on the timeline.
     *
     * @param time when it happened
     * @param subject who (as shown)
     * @param kind the event kind ({@code file}, {@code device}, ...)
     * @param host where
     * @param id the event id
     * @param what a one-line description
     * @param indicators the indicators this event is behind
     */
    public record TimelineEvent(Instant time, String subject, String kind, String host, String id, String what,
            List<String> indicators) {

        /** Copies the indicators. */
        public TimelineEvent {
            indicators = List.copyOf(indicators);
        }
    }

    /**
     * One indicator's contribution to a subject's score, with the events behind it.
     *
     * @param subject who (as shown)
     * @param indicator the indicator id
     * @param category its category on the critical path
     * @param points the score points it contributes
     * @param eventCount how many events are behind it
     * @param first the earliest of them
     * @param last the latest of them
     * @param explanation what was seen and what it was compared with
     * @param eventIds the ids of the events behind it (possibly only the latest when there are many)
     */
    public record Finding(String subject, String indicator, String category, double points, int eventCount,
            Instant first, Instant last, String explanation, List<String> eventIds) {

        /** Copies the ids. */
        public Finding {
            eventIds = List.copyOf(eventIds);
        }
    }

    /**
     * One subject's score at the end of one day.
     *
     * @param subject who (as shown)
     * @param day the day
     * @param score the score, 0-100
     * @param movers the indicators that fired that day
     */
    public record DailyScore(String subject, LocalDate day, double score, List<String> movers) {

        /** Copies the movers. */
        public DailyScore {
            movers = List.copyOf(movers);
        }
    }

    /**
     * What one subject could know.
     *
     * @param subject who (as shown)
     * @param status employment: current, former (with the day they left) or unknown
     * @param projects the projects granted, with the months and subsidiaries
     * @param items the registered items of those projects and the ones the subject handled
     */
    public record Exposure(String subject, String status, List<String> projects, List<String> items) {

        /** Copies the lists. */
        public Exposure {
            projects = List.copyOf(projects);
            items = List.copyOf(items);
        }
    }

    /**
     * One assessment report attached as evidence.
     *
     * @param evidenceId the evidence it came from
     * @param name its file name
     * @param files one line per assessed file: path, verdict, items found
     */
    public record AssessmentSummary(String evidenceId, String name, List<String> files) {

        /** Copies the lines. */
        public AssessmentSummary {
            files = List.copyOf(files);
        }
    }

    /**
     * One mark trace attached as evidence.
     *
     * @param evidenceId the evidence it came from
     * @param name its file name
     * @param lines what the trace found, one line each
     */
    public record TraceSummary(String evidenceId, String name, List<String> lines) {

        /** Copies the lines. */
        public TraceSummary {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A case note.
     *
     * @param seq its number in the case
     * @param author who wrote it
     * @param time when
     * @param text what it says, unchanged
     */
    public record Note(int seq, String author, Instant time, String text) {
    }

    /**
     * One piece of evidence.
     *
     * @param id its id
     * @param kind {@code file} or {@code events}
     * @param name the file name or label
     * @param sha256 the digest recorded when it was added
     * @param size the bytes the digest covers
     * @param addedBy who added it
     * @param addedAt when
     * @param description why it matters
     * @param check the result of re-hashing it now ({@code intact}, or what is wrong)
     */
    public record EvidenceItem(String id, String kind, String name, String sha256, long size, String addedBy,
            Instant addedAt, String description, String check) {
    }

    /**
     * One audit entry about the case.
     *
     * @param seq its position in the audit log
     * @param time when
     * @param actor the account
     * @param action what it did
     * @param host from where
     * @param detail what it concerned (subjects as pseudonyms)
     */
    public record AuditEntry(long seq, Instant time, String actor, String action, String host, String detail) {
    }
}
