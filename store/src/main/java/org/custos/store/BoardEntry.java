package org.custos.store;

/**
 * A BoardEntry is one line of the ranked board: a person's latest score and where they sit in the organization.
 *
 * @param rank the position on the board, from 1
 * @param person the person's directory placement
 * @param latest the latest score with its contributions
 */
public record BoardEntry(int rank, PersonSummary person, DailyScore latest) {
}
