package org.custos.server.web;

import java.util.List;

/**
 * An AccessLog receives one entry for every action and every view of a person's data the server serves: who, in
 * which role, what, whose data, which objects, from where. The server records before it answers and makes the
 * record durable ({@link #flush()}) before it shows anyone's data or confirms a change, so a view that cannot be
 * recorded is not shown.
 */
public interface AccessLog {

    /**
     * Records one access.
     *
     * @param actor the signed-in account (or the name tried, for a failed sign-in)
     * @param role the account's role
     * @param action a dotted verb such as {@code person.view} or {@code alert.dismiss}
     * @param subject the pseudonym of the person whose data it was; null when none
     * @param objects the ids of the objects touched (alerts, cases, items)
     * @param from the client's address
     */
    void record(String actor, String role, String action, String subject, List<String> objects, String from);

    /** Makes every access recorded so far durable. */
    void flush();
}
