package org.custos.simulator;

/**
 * An Assignment is a person's position from a given day on: their role, their team and their supervisor (null
 * for the head of the organization).
 */
record Assignment(int fromDay, String role, Team team, Person supervisor) {
}
