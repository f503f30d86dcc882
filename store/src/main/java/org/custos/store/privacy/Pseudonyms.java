package org.custos.store.privacy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms turns a person's user id into a stable, short, readable pseudonym such as {@code P-7K3FM-92QXA}: the
 * first 50 bits of HMAC-SHA256 under a secret kept in the data directory, in Crockford's base 32. The same id always
 * gets the same pseudonym in one data directory; without the secret nobody can compute or test one; and there is
 * no way back except {@link #reveal}, which tries a list of known ids.
 */
public final class Pseudonyms {

    /*
     * The secret is 32 random bytes, base64 in DATA/privacy/pseudonym-secret, mode 0600, created on first use. It
     * is written to a private temporary file and hard-linked into place, so two processes starting at once agree
     * on one secret. 50 bits keep pseudonyms short; among 100,000 people the chance that any two share one is
     * about 4 in a million, and reveal() returns every id that matches, so a collision is never hidden.
     * Ids are used exactly as given (case and spaces matter).
     */

    /** The file, inside a data directory, that holds the secret. */
    public static final String SECRET_FILE = "privacy/pseudonym-secret";

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORM = Pattern.compile("P-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
    private static final int SECRET_BYTES = 32;

    private final SecretKeySpec key;

    private Pseudonyms(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The pseudonyms of a data directory, creating its secret on first use. */
    public static Pseudonyms open(Path dataDir) throws IOException {
        Path file = dataDir.resolve(SECRET_FILE);
        if (!Files.exists(file)) {
            create(file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            secret = new byte[0];
        }
        if (secret.length != SECRET_BYTES) {
            throw new IllegalStateException(file + ": not a pseudonym secret (expected 32 bytes in base64)");
        }
        return new Pseudonyms(secret);
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temp;
        try {
            temp = Files.createTempFile(file.getParent(), ".pseudonym-secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(file.getParent(), ".pseudonym-secret", ".tmp");
        }
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                return;
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The pseudonym of a user id, of the form {@code P-XXXXX-XXXXX}. */
    public String of(String userId) {
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("a pseudonym needs a non-empty user id");
        }
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no HMAC-SHA256", e);
        }
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = bits << 8 | (mac[i] & 0xff);
        }
        bits >>>= 6;
        StringBuilder s = new StringBuilder("P-");
        for (int i = 9; i >= 0; i--) {
            s.append(ALPHABET.charAt((int) (bits >>> (5 * i)) & 31));
            if (i == 5) {
                s.append('-');
            }
        }
        return s.toString();
    }

    /** Every id among {@code knownIds} whose pseudonym is {@code pseudonym} (usually one; none when unknown). */
    public List<String> reveal(String pseudonym, Collection<String> knownIds) {
        List<String> matches = new ArrayList<>();
        for (String id : knownIds) {
            if (of(id).equals(pseudonym)) {
                matches.add(id);
            }
        }
        return matches;
    }

    /** Whether a text has the form of a pseudonym, {@code P-XXXXX-XXXXX} in Crockford's base 32. */
    public static boolean isPseudonym(String text) {
        return text != null && FORM.matcher(text).matches();
    }
}
