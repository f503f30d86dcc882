package org.custos.material.registry;

import java.util.ArrayList;
import java.util.List;
import org.custos.material.fingerprint.Fingerprint;

/**
 * A RegisteredItem is one classified document in the registry: its metadata, its extracted text and the
 * fingerprints of that text.
 *
 * @param summary the metadata listed in the index
 * @param sha256 the SHA-256 of the document's bytes
 * @param scheme the classification scheme's id the level belongs to
 * @param method how its text was extracted
 * @param k the winnowing noise threshold the fingerprints were made with
 * @param t the winnowing guarantee threshold the fingerprints were made with
 * @param text the extracted text, exactly as extracted (item offsets refer to it)
 * @param hashes the fingerprints' hashes
 * @param positions the fingerprints' token positions, parallel to {@code hashes}
 */
public record RegisteredItem(ItemSummary summary, String sha256, String scheme, String method, int k, int t,
        String text, long[] hashes, int[] positions) {

    /** Checks that hashes and positions are parallel. */
    public RegisteredItem {
        if (hashes.length != positions.length) {
            throw new IllegalArgumentException("item " + summary.id() + ": " + hashes.length + " hashes but "
                    + positions.length + " positions");
        }
    }

    /** The item's fingerprints. */
    public List<Fingerprint> fingerprints() {
        List<Fingerprint> out = new ArrayList<>(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            out.add(new Fingerprint(hashes[i], positions[i]));
        }
        return out;
    }
}
