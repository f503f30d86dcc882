package org.custos.core.testkit;

import java.util.Set;
import org.custos.core.detector.OrgContext;
import org.custos.core.detector.Vocabulary;
import org.custos.core.detector.WorkingHours;
import org.custos.core.organization.Organization;

/** Contexts makes the {@link OrgContext}s tests run detectors in: standard hours (07–19 UTC), a 20-day warm-up. */
public final class Contexts {

    /** The warm-up of {@link OrgContext#of}: active days before baselines apply. */
    public static final int WARM_UP = 20;

    private Contexts() {
    }

    /** The standard context around an organization. */
    public static OrgContext of(Organization org) {
        return OrgContext.of(org);
    }

    /** The standard context around an organization that lists no one. */
    public static OrgContext empty() {
        return OrgContext.of(new Organization());
    }

    /** The standard context with decoy files planted. */
    public static OrgContext withDecoys(Organization org, String... decoyPaths) {
        return new OrgContext(org, WorkingHours.standard(), Vocabulary.defaults(), Set.of(decoyPaths), WARM_UP);
    }

    /** The standard context with another warm-up. */
    public static OrgContext withWarmUp(Organization org, int warmUpDays) {
        return new OrgContext(org, WorkingHours.standard(), Vocabulary.defaults(), Set.of(), warmUpDays);
    }
}
