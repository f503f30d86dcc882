package org.custos.store;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A PersonSummary is what the store knows of one person's presence: their latest directory placement and
 * employment span.
 *
 * @param user the account id
 * @param name the name in the latest directory record; empty when unlisted
 * @param role the role in the latest record; empty when unlisted
 * @param subsidiary the subsidiary in the latest record; empty when unlisted
 * @param unit the unit ({@code subsidiary/functional unit/department}) in the latest record; empty when unlisted
 * @param firstDay the first day of the first month they are listed; empty when unlisted
 * @param lastDay the last day of employment (an explicit departure, or the end of the last month listed when they are
 *     missing from the latest snapshot); empty while employed or unlisted
 */
public record PersonSummary(String user, String name, String role, String subsidiary, String unit,
                            Optional<LocalDate> firstDay, Optional<LocalDate> lastDay) {
}
