package org.custos.core.organization;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An EmploymentPeriod is the span in which a person held an account with the organization.
 *
 * @param start the first day the person is known to be employed
 * @param end the last day of employment; empty while the person is still employed
 */
public record EmploymentPeriod(LocalDate start, Optional<LocalDate> end) {

    /** True when {@code day} lies after the end of the period. */
    public boolean departedBefore(LocalDate day) {
        return end.isPresent() && day.isAfter(end.get());
    }
}
