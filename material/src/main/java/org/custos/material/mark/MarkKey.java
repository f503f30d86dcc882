package org.custos.material.mark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A MarkKey is the installation's secret for marked copies, kept in {@code DATA/marks/key} (32 random bytes, hex,
 * readable by its owner only): it signs copy codes and QR payloads so that forged codes are detected, and seeds the
 * per-recipient choice of wording variants so that nobody without it can predict or undo them.
 */
public final class MarkKey {

    private final byte[] secret;

    private MarkKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a mark key needs at least 16 bytes, had " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** A key from given bytes (tests and benchmarks). */
    public static MarkKey of(byte[] secret) {
        return new MarkKey(secret);
    }

    /** Opens the key in {@code dataDir/marks/key}; when {@code create} is set and there is none, makes one. */
    public static MarkKey open(Path dataDir, boolean create) throws IOException {
        Path file = dataDir.resolve("marks").resolve("key");
        if (!Files.exists(file)) {
            if (!create) {
                throw new IOException(file + ": no mark key (no copy was ever marked with this data directory)");
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // a file system without POSIX permissions keeps its defaults
                }
                Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            }
        }
        String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return new MarkKey(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a mark key (expected hex digits)");
        }
    }

    /** The two check characters of a copy id. */
    String check(String copyId) {
        byte[] mac = mac("code", copyId);
        int v = ((mac[0] & 0xff) << 2) | ((mac[1] & 0xff) >>> 6);
        return "" + CopyCode.ALPHABET.charAt(v >>> 5) + CopyCode.ALPHABET.charAt(v & 31);
    }

    /** The copy code for a copy id, with its keyed check characters. */
    public CopyCode code(String copyId) {
        return new CopyCode(copyId, check(copyId));
    }

    /** True when a code's check characters are the ones this key gives its id. */
    public boolean signed(CopyCode code) {
        return check(code.id()).equals(code.check());
    }

    /** The ten-character (50-bit) MAC of a QR payload's copy id. */
    String qrMac(String copyId) {
        byte[] mac = mac("qr", copyId);
        long v = 0;
        for (int i = 0; i < 7; i++) {
            v = (v << 8) | (mac[i] & 0xff);
        }
        v >>>= 6;
        char[] out = new char[10];
        for (int i = 9; i >= 0; i--) {
            out[i] = CopyCode.ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    /** A keyed pseudo-random value for a variant position of an item's copy: the choice among {@code n}. */
    int choice(String item, String copyId, int site, int n) {
        byte[] mac = mac("site", item + "\u0000" + copyId + "\u0000" + site);
        long v = ((long) (mac[0] & 0xff) << 24 | (mac[1] & 0xff) << 16 | (mac[2] & 0xff) << 8 | (mac[3] & 0xff));
        return (int) (v % n);
    }

    /**
     * A Chooser gives the keyed choices of one copy of one item quickly: it reuses one initialized MAC for every
     * position.
     */
    Chooser chooser(String item, String copyId) {
        return new Chooser(item, copyId);
    }

    /** The keyed choices of one copy of one item. */
    final class Chooser {
        private final Mac mac;
        private final byte[] prefix;

        private Chooser(String item, String copyId) {
            mac = newMac();
            prefix = ("site\u0000" + item + "\u0000" + copyId + "\u0000").getBytes(StandardCharsets.UTF_8);
        }

        int choice(int site, int n) {
            mac.update(prefix);
            byte[] out = mac.doFinal(Integer.toString(site).getBytes(StandardCharsets.US_ASCII));
            long v = ((long) (out[0] & 0xff) << 24 | (out[1] & 0xff) << 16 | (out[2] & 0xff) << 8 | (out[3] & 0xff));
            return (int) (v % n);
        }
    }

    private byte[] mac(String purpose, String message) {
        Mac mac = newMac();
        mac.update((purpose + "\u0000").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MarkKey[secret]";
    }
}
