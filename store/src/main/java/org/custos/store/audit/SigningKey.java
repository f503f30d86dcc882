package org.custos.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * SigningKey is a log's Ed25519 key pair, kept in its folder as {@code signing-key.pem} (PKCS#8, readable by the
 * owner only) and {@code public-key.pem} (X.509 SubjectPublicKeyInfo), created on first use; it signs and checks
 * tree heads.
 */
final class SigningKey {

    static final String PRIVATE_FILE = "signing-key.pem";
    static final String PUBLIC_FILE = "public-key.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair in {@code folder}, created there when it has none. The caller holds the log's lock. */
    static SigningKey loadOrCreate(Path folder) throws IOException {
        Path privateFile = folder.resolve(PRIVATE_FILE);
        Path publicFile = folder.resolve(PUBLIC_FILE);
        if (!Files.exists(privateFile)) {
            KeyPair pair;
            try {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this Java runtime cannot make Ed25519 keys", e);
            }
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            writeOwnerOnly(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        }
        PrivateKey priv;
        try {
            priv = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile), "PRIVATE KEY", privateFile)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(privateFile + ": not an Ed25519 private key", e);
        }
        PublicKey pub = publicKey(Files.readString(publicFile), publicFile.toString());
        SigningKey key = new SigningKey(priv, pub);
        byte[] probe = "custos-audit-key-check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(pub, probe, key.sign(probe))) {
            throw new IllegalStateException(publicFile + " does not belong to " + privateFile);
        }
        return key;
    }

    /** Reads an Ed25519 public key from PEM text; {@code where} names its origin in messages. */
    static PublicKey publicKey(String pem, String where) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(unpem(pem, "PUBLIC KEY", Path.of(where))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(where + ": not an Ed25519 public key");
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM text. */
    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Signs a tree head of {@code size} entries with {@code root} at {@code time} (whole milliseconds). */
    SignedTreeHead sign(long size, byte[] root, Instant time) {
        return new SignedTreeHead(size, root, time, sign(SignedTreeHead.signedBytes(size, root, time)));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the audit log's key", e);
        }
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether a signed tree head carries a valid signature by {@code key}. */
    static boolean verify(PublicKey key, SignedTreeHead head) {
        return verify(key, head.signedBytes(), head.signature());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text, String type, Path where) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException(where + ": no PEM block of type " + type);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": the PEM block is not base64");
        }
    }

    /** Writes a new file readable and writable by its owner only (where the file system has POSIX modes). */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " appeared while it was being created", e);
        }
        try {
            Files.writeString(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new UncheckedIOException(file + ": cannot write the key", e);
        }
    }
}
