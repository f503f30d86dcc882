package org.custos.core.indicator;

/**
 * A Category places an indicator on the critical path to insider risk: stressor, then concerning
 * behaviour, then collection, then exfiltration; custody and access signals sit beside collection and
 * concerning behaviour.
 */
public enum Category {
    STRESSOR("stressor", 0),
    CONCERNING_BEHAVIOUR("concerning-behaviour", 1),
    ACCESS("access", 1),
    COLLECTION("collection", 2),
    CUSTODY("custody", 2),
    EXFILTRATION("exfiltration", 3);

    private final String id;
    private final int stage;

    Category(String id, int stage) {
        this.id = id;
        this.stage = stage;
    }

    /** The category's id as it appears in reports. */
    public String id() {
        return id;
    }

    /** The position of the category along the critical path, 0 (stressor) to 3 (exfiltration). */
    public int stage() {
        return stage;
    }

    /** The category with the given id, or null when there is none (the critical-path bonus has no category). */
    public static Category fromId(String id) {
        for (Category c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
