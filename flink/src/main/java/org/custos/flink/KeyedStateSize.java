package org.custos.flink;

import org.custos.core.engine.PersonTrack;

/**
 * KeyedStateSize tells how many bytes the job's keyed state takes for one person: their {@link PersonTrack} with the
 * detection stage's counts, serialized as the state backend stores it (for the state-size benchmark).
 */
public final class KeyedStateSize {

    private KeyedStateSize() {
    }

    /** The serialized size, in bytes, of the keyed state holding {@code track}. */
    public static int bytes(PersonTrack track) {
        return JavaSerialType.toBytes(new PersonDetector.Kept(track)).length;
    }
}
