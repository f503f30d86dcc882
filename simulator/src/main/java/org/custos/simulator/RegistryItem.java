package org.custos.simulator;

/**
 * A RegistryItem is one original document kept in the registry office: its serial ({@code ORIG-000123}), its name
 * ({@code Project 12 design review.pdf}) and its custody state as the simulation goes.
 */
final class RegistryItem {

    private final String serial;
    private final String name;
    private int outUntilDay = -1;
    private boolean destroyed;
    private boolean reserved;

    RegistryItem(String serial, String name) {
        this.serial = serial;
        this.name = name;
    }

    String serial() {
        return serial;
    }

    String name() {
        return name;
    }

    /** Whether the item is in the registry and free for an innocent check-out on {@code day}. */
    boolean availableOn(int day) {
        return !destroyed && !reserved && outUntilDay < day;
    }

    /** Marks the item out of the registry through {@code day}. */
    void checkOutThrough(int day) {
        outUntilDay = day;
    }

    void destroy() {
        destroyed = true;
    }

    /** Keeps the item for a scenario so that innocent check-outs never collide with it. */
    void reserve() {
        reserved = true;
    }
}
