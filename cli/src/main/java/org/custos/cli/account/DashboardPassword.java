package org.custos.cli.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A DashboardPassword is a random password for a new account and its Argon2id hash in the PHC string format the
 * dashboard checks ({@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, OWASP's minimum parameters).
 *
 * @param password the password, shown once to whoever creates the account
 * @param hash its hash, the only form the store keeps
 */
record DashboardPassword(String password, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A fresh random password of 20 characters without look-alikes (about 114 bits) and its hash. */
    static DashboardPassword random() {
        StringBuilder p = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            p.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new DashboardPassword(p.toString(), hash(p.toString()));
    }

    /** The PHC-format Argon2id hash of a password with a fresh salt. */
    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(19_456).withIterations(2)
                .withParallelism(1).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=19456,t=2,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    }
}
