package org.custos.core.harvest;

import java.util.Arrays;

/**
 * An IdSet is a set of non-negative int ids that also remembers the order in which ids were first added; small
 * and allocation-free per add, since every client of a busy web server keeps two of them.
 */
final class IdSet {

    private int[] slots = new int[8];
    private int[] order = new int[4];
    private int size;

    IdSet() {
        Arrays.fill(slots, -1);
    }

    /** Adds an id; true when it was not there before. */
    boolean add(int id) {
        int mask = slots.length - 1;
        int i = mix(id) & mask;
        while (slots[i] >= 0) {
            if (slots[i] == id) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = id;
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = id;
        if (size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    /** The number of ids. */
    int size() {
        return size;
    }

    /** The id added {@code index}-th (0-based). */
    int get(int index) {
        return order[index];
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int k = 0; k < size; k++) {
            int id = order[k];
            int i = mix(id) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = id;
        }
    }

    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
