package org.custos.store;

import org.custos.core.indicator.Category;

/** Stages maps a contribution's category id to its position on the critical path. */
final class Stages {

    private Stages() {
    }

    /** The stage of a category id, or -1 for the critical-path bonus and unknown ids. */
    static int of(String categoryId) {
        for (Category c : Category.values()) {
            if (c.id().equals(categoryId)) {
                return c.stage();
            }
        }
        return -1;
    }
}
