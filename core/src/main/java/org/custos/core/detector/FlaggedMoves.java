package org.custos.core.detector;

import java.io.Serializable;
import java.util.ArrayDeque;

/**
 * FlaggedMoves remembers the ids of the custody moves a detector already raised a signal for, so each holding is
 * flagged once; it keeps the most recent 1,024 (far more than anyone holds at once).
 */
final class FlaggedMoves implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CAPACITY = 1024;

    private final ArrayDeque<String> ids = new ArrayDeque<>(4);

    /** Marks a move as flagged; returns false when it already was. */
    boolean flag(String moveId) {
        if (ids.contains(moveId)) {
            return false;
        }
        if (ids.size() == CAPACITY) {
            ids.removeFirst();
        }
        ids.addLast(moveId);
        return true;
    }
}
