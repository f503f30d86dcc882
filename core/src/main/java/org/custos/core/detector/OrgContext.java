package org.custos.core.detector;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.custos.core.event.WebVisit;
import org.custos.core.organization.Organization;

/**
 * An OrgContext is what detectors know about the organization around a person: the directory over time,
 * working hours, the vocabulary of sites and words, the decoy files planted, whose machine each host is, and
 * who holds each original.
 */
public final class OrgContext {

    private final Organization organization;
    private final WorkingHours hours;
    private final Vocabulary vocabulary;
    private final Set<String> decoyFiles;
    private final HostDirectory hosts = new HostDirectory();
    private final CustodyLedger custody = new CustodyLedger();
    private final int warmUpDays;
    private final Set<String> workDomains;
    private WebVisit lastVisit;
    private String lastDomain;

    /**
     * Creates a context.
     *
     * @param decoyFiles the paths of decoy (honeypot) files; compared case-insensitively
     * @param warmUpDays the number of active days a person needs before "first ever" and "far above usual" apply
     */
    public OrgContext(Organization organization, WorkingHours hours, Vocabulary vocabulary, Set<String> decoyFiles,
            int warmUpDays) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.decoyFiles = new HashSet<>();
        decoyFiles.forEach(f -> this.decoyFiles.add(f.toLowerCase(Locale.ROOT)));
        if (warmUpDays < 1) {
            throw new IllegalArgumentException("warm-up days must be >= 1, was " + warmUpDays);
        }
        this.warmUpDays = warmUpDays;
        this.workDomains = organization.workDomains();
    }

    /** A context with standard hours, the default vocabulary, no decoys and a 20-day warm-up. */
    public static OrgContext of(Organization organization) {
        return new OrgContext(organization, WorkingHours.standard(), Vocabulary.defaults(), Set.of(), 20);
    }

    /** The directory over time. */
    public Organization organization() {
        return organization;
    }

    /** The working hours. */
    public WorkingHours hours() {
        return hours;
    }

    /** The vocabulary of sites and words. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Whose machine each host is, learned from logons. */
    public HostDirectory hosts() {
        return hosts;
    }

    /** Who holds each original now, from every custody move seen. */
    public CustodyLedger custody() {
        return custody;
    }

    /** The number of active days a person needs before baselines apply. */
    public int warmUpDays() {
        return warmUpDays;
    }

    /**
     * The lower-case domain of a visit's URL, remembered for the visit being observed so that several detectors
     * looking at the same event compute it once.
     */
    public String domainOf(WebVisit visit) {
        if (visit != lastVisit) {
            lastVisit = visit;
            lastDomain = visit.domain();
        }
        return lastDomain;
    }

    /** True when {@code path} is a decoy file. */
    public boolean isDecoy(String path) {
        return !decoyFiles.isEmpty() && decoyFiles.contains(path.toLowerCase(Locale.ROOT));
    }

    /** True when the e-mail domain belongs to the organization itself. */
    public boolean isWorkDomain(String domain) {
        return workDomains.contains(domain);
    }
}
