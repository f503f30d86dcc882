package org.custos.server.web;

import java.time.Instant;

/**
 * An AccessLog receives one entry for every action and every view of a person's data the server serves: who,
 * what, when, from where and whose data. The server calls it before it answers, so a view that cannot be
 * recorded is not shown.
 */
@FunctionalInterface
public interface AccessLog {

    /**
     * Records one access.
     *
     * @param account the signed-in account
     * @param action what was done or seen, e.g. {@code view person} or {@code acknowledge alert A-1}
     * @param address the client's address
     * @param subject the person whose data it was; empty when none
     * @param at when
     */
    void record(String account, String action, String address, String subject, Instant at);
}
