package org.custos.material.custody;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Originals is where every original is according to the custody ledger: replaying the records in order, it knows
 * each original's state, holder and chain, and it checks that a new record follows from the state (an original is
 * registered once, checked out only from the registry, checked in or transferred only while held, and nothing
 * follows its destruction).
 */
public final class Originals {

    /** Where an original is. */
    public enum State {
        /** In the registry's keeping. */
        IN_REGISTRY,
        /** Held by a person. */
        HELD,
        /** Destroyed. */
        DESTROYED
    }

    /**
     * One original's standing.
     *
     * @param serial its serial number
     * @param item the registry item it belongs to
     * @param state where it is
     * @param holder who holds it (the person of the last record while held, else empty)
     * @param since when the state began
     * @param last its last record
     * @param chain every record of it, oldest first
     */
    public record Original(String serial, String item, State state, String holder, Instant since,
            CustodyRecord last, List<CustodyRecord> chain) {

        /** True when it is held and has been for longer than {@code limit} at {@code now}. */
        public boolean heldLongerThan(Duration limit, Instant now) {
            return state == State.HELD && Duration.between(since, now).compareTo(limit) > 0;
        }

        /** True when its last record is older than {@code limit} at {@code now} and it is not destroyed. */
        public boolean staleAt(Duration limit, Instant now) {
            return state != State.DESTROYED && Duration.between(last.time(), now).compareTo(limit) > 0;
        }
    }

    private final Map<String, Original> bySerial = new LinkedHashMap<>();

    private Originals() {
    }

    /**
     * Replays records.
     *
     * @throws IllegalStateException naming the first record that does not follow from the state before it
     */
    public static Originals of(List<CustodyRecord> records) {
        Originals o = new Originals();
        for (CustodyRecord r : records) {
            o.apply(r);
        }
        return o;
    }

    /** Checks a new record against the state; empty when it may be appended, else why not. */
    public Optional<String> refuse(CustodyRecord r) {
        Original now = bySerial.get(r.serial());
        if (r.action() == CustodyRecord.Action.REGISTER) {
            return now == null ? Optional.empty()
                    : Optional.of("original " + r.serial() + " is already registered (item " + now.item() + ")");
        }
        if (now == null) {
            return Optional.of("original " + r.serial() + " is not registered; use 'custos custody register' first");
        }
        if (r.time().isBefore(now.last().time())) {
            return Optional.of("original " + r.serial() + ": " + r.time() + " is before its last record ("
                    + now.last().id() + " at " + now.last().time() + ")");
        }
        return switch (now.state()) {
            case DESTROYED -> Optional.of("original " + r.serial() + " was destroyed (" + now.last().id() + ")");
            case IN_REGISTRY -> switch (r.action()) {
                case CHECK_OUT, DESTROY -> Optional.empty();
                default -> Optional.of("original " + r.serial() + " is in the registry; it can be checked out or "
                        + "destroyed, not " + (r.action() == CustodyRecord.Action.CHECK_IN ? "checked in"
                                : "transferred"));
            };
            case HELD -> switch (r.action()) {
                case CHECK_IN, DESTROY -> Optional.empty();
                case TRANSFER -> r.person().equals(now.holder())
                        ? Optional.of("original " + r.serial() + " is already held by " + r.person())
                        : Optional.empty();
                default -> Optional.of("original " + r.serial() + " is held by " + now.holder() + " since "
                        + now.since() + "; check it in or transfer it");
            };
        };
    }

    private void apply(CustodyRecord r) {
        Optional<String> why = refuse(r);
        if (why.isPresent()) {
            throw new IllegalStateException("custody record " + r.id() + ": " + why.get());
        }
        Original before = bySerial.get(r.serial());
        List<CustodyRecord> chain = before == null ? new ArrayList<>() : new ArrayList<>(before.chain());
        chain.add(r);
        String item = before == null ? r.item() : before.item();
        Original after = switch (r.action()) {
            case REGISTER, CHECK_IN -> new Original(r.serial(), item, State.IN_REGISTRY, "", r.time(), r,
                    List.copyOf(chain));
            case CHECK_OUT, TRANSFER -> new Original(r.serial(), item, State.HELD, r.person(), r.time(), r,
                    List.copyOf(chain));
            case DESTROY -> new Original(r.serial(), item, State.DESTROYED, "", r.time(), r, List.copyOf(chain));
        };
        bySerial.put(r.serial(), after);
    }

    /** Every original, in the order first registered. */
    public List<Original> all() {
        return List.copyOf(bySerial.values());
    }

    /** One original by serial. */
    public Optional<Original> find(String serial) {
        return Optional.ofNullable(bySerial.get(serial));
    }

    /** The next record id: {@code C-} and one more than the number of records. */
    public static String nextId(List<CustodyRecord> records) {
        return "C-" + (records.size() + 1);
    }
}
