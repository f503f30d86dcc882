package org.custos.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.custos.core.casefile.Evidence;
import org.custos.store.Store;
import org.custos.store.StoreException;

/** EvidenceCheck re-hashes a piece of evidence and says whether it still matches the digest recorded for it. */
public final class EvidenceCheck {

    private EvidenceCheck() {
    }

    /**
     * {@code intact} when the stored bytes still have the recorded SHA-256 and size, otherwise one line starting
     * {@code ALTERED:} or {@code MISSING:} that says what is wrong.
     */
    public static String check(Store store, Evidence e) {
        try {
            byte[] bytes = store.evidenceContent(e.id());
            String now = sha256(bytes);
            if (!now.equals(e.sha256())) {
                return "ALTERED: sha256 now " + now;
            }
            if (bytes.length != e.size()) {
                return "ALTERED: " + bytes.length + " bytes, recorded " + e.size();
            }
            return "intact";
        } catch (StoreException ex) {
            return switch (ex.reason()) {
                case TAMPERED -> "ALTERED: " + ex.getMessage();
                case NOT_FOUND -> "MISSING: " + ex.getMessage();
                default -> throw ex;
            };
        }
    }

    /** The lower-case hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
