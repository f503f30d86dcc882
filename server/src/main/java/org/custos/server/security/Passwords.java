package org.custos.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords hashes and checks passwords with Argon2id at the OWASP minimum parameters (19 MiB of memory, two
 * passes, one lane), in the PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}.
 */
public final class Passwords {

    /** Memory in KiB. */
    static final int MEMORY_KIB = 19_456;
    /** Passes over the memory. */
    static final int ITERATIONS = 2;
    /** Lanes. */
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
            + "$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** The PHC-format Argon2id hash of the password with a fresh random salt. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return PREFIX + B64.encodeToString(salt) + "$" + B64.encodeToString(derive(password, salt, MEMORY_KIB,
                ITERATIONS, PARALLELISM, HASH_BYTES));
    }

    /** True when the password matches the PHC-format Argon2id hash; false for any other or malformed hash. */
    public static boolean matches(String password, String encoded) {
        if (encoded == null || !encoded.startsWith("$argon2id$v=19$")) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 6) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String setting : parts[3].split(",")) {
                String[] kv = setting.split("=", 2);
                int v = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> m = v;
                    case "t" -> t = v;
                    case "p" -> p = v;
                    default -> {
                        return false;
                    }
                }
            }
            if (m < 8 || m > 1 << 21 || t < 1 || t > 16 || p < 1 || p > 16) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            byte[] actual = derive(password, salt, m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A random password of 20 characters from an alphabet without look-alikes (about 114 bits). */
    public static String random() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(m).withIterations(t)
                .withParallelism(p).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
