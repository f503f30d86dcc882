package org.custos.core.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Prevalence counts, for each indicator, how many people have had it, in the whole population and in each peer
 * group (people with the same role), and turns that into a rarity weight.
 *
 * <p>Rarity is like inverse document frequency: {@code ln((N+1)/(n+1)) / ln 20} for N people of whom n had the
 * indicator (before this signal), so that the first of twenty people to have it keeps the weight 1. When the person's peer group has at least
 * {@value #MIN_PEERS} people, the peer group's rarity counts three times as much as the population's
 * ({@value #PEER_SHARE} and the rest): something all administrators do counts little for an administrator, and
 * something no one in an engineer's peer group does counts more for that engineer. The result is clamped to [0.25, 1.5].
 */
final class Prevalence implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final int MIN_PEERS = 10;
    static final double PEER_SHARE = 0.75;
    private static final double BASE = Math.log(20);

    private static final class Group implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        int people;
        final int[] fired;

        Group(int indicators) {
            fired = new int[indicators];
        }
    }

    private final int indicators;
    private final Group everyone;
    private final Map<String, Group> groups = new HashMap<>();

    Prevalence(int indicators) {
        this.indicators = indicators;
        this.everyone = new Group(indicators);
    }

    /** Counts a new person in their peer group. */
    void personSeen(String peerGroup) {
        everyone.people++;
        groups.computeIfAbsent(peerGroup, g -> new Group(indicators)).people++;
    }

    /** Counts a person's first signal of an indicator. */
    void fired(int indicator, String peerGroup) {
        everyone.fired[indicator]++;
        groups.computeIfAbsent(peerGroup, g -> new Group(indicators)).fired[indicator]++;
    }

    /** The rarity weight of an indicator for a person of the given peer group, from what has been seen so far. */
    double rarity(int indicator, String peerGroup) {
        double population = idf(everyone, indicator);
        Group peers = groups.get(peerGroup);
        double weight = peers == null || peers.people < MIN_PEERS ? population
                : PEER_SHARE * idf(peers, indicator) + (1 - PEER_SHARE) * population;
        return Math.max(0.25, Math.min(1.5, weight));
    }

    /**
     * How common an indicator is among the person's peers and everyone, in words: "2 of 48 peers (Engineer), 30 of
     * 1000 people"; the counts are of people who had it before.
     */
    String commonness(int indicator, String peerGroup) {
        Group peers = groups.get(peerGroup);
        String all = everyone.fired[indicator] + " of " + everyone.people + " people";
        return peers == null ? all : peers.fired[indicator] + " of " + peers.people + " peers (" + peerGroup + "), " + all;
    }

    private static double idf(Group g, int indicator) {
        return Math.log((g.people + 1.0) / (g.fired[indicator] + 1.0)) / BASE;
    }
}
