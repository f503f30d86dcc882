package org.custos.core.detector;

import java.util.HashMap;
import java.util.Map;

/**
 * A HostDirectory learns, from the logons it is shown, whose machine each host is: the account that uses it
 * far more than any other.
 *
 * <p>Each host keeps a Misra–Gries summary of three candidates, so memory is constant per host however many
 * people use it. A host has an owner once one account holds at least 20 logons there and at least 60 % of the
 * summary's weight; shared machines therefore have none.
 */
public final class HostDirectory implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final int SLOTS = 3;
    private static final int MIN_LOGONS = 20;

    private final Map<String, Summary> hosts = new HashMap<>();

    private static final class Summary implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final String[] users = new String[SLOTS];
        final int[] counts = new int[SLOTS];
    }

    /** An empty directory. */
    public HostDirectory() {
    }

    /** Counts one logon of {@code user} on {@code host}. */
    public void observeLogon(String host, String user) {
        Summary s = hosts.computeIfAbsent(host, h -> new Summary());
        for (int i = 0; i < SLOTS; i++) {
            if (user.equals(s.users[i])) {
                s.counts[i]++;
                return;
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            if (s.users[i] == null || s.counts[i] == 0) {
                s.users[i] = user;
                s.counts[i] = 1;
                return;
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            s.counts[i]--;
        }
    }

    /** The account that owns the host, or null when it has none (unknown or shared). */
    public String owner(String host) {
        Summary s = hosts.get(host);
        if (s == null) {
            return null;
        }
        int best = -1;
        int sum = 0;
        for (int i = 0; i < SLOTS; i++) {
            sum += s.counts[i];
            if (s.users[i] != null && (best < 0 || s.counts[i] > s.counts[best])) {
                best = i;
            }
        }
        if (best < 0 || s.counts[best] < MIN_LOGONS || s.counts[best] < 0.6 * sum) {
            return null;
        }
        return s.users[best];
    }

    /**
     * Sets what the directory says about one host to {@code owner} (null: no owner), replacing what it learned there.
     * For a partitioned runner whose logons are counted elsewhere, in one organization-wide directory, and whose
     * partitions are told each host's owner at the moment of each logon.
     */
    public void assign(String host, String owner) {
        if (owner == null) {
            hosts.remove(host);
            return;
        }
        Summary s = new Summary();
        s.users[0] = owner;
        s.counts[0] = MIN_LOGONS;
        hosts.put(host, s);
    }

    /** The number of hosts seen. */
    public int size() {
        return hosts.size();
    }
}
