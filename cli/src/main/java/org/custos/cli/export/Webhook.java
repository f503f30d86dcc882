package org.custos.cli.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Webhook posts JSON bodies to a URL, signed with HMAC-SHA256 over {@code TIMESTAMP.BODY} (headers
 * {@code X-Custos-Timestamp} and {@code X-Custos-Signature: sha256=HEX}), retrying connection failures, 429 and 5xx
 * answers with exponential back-off; other 4xx answers are final.
 */
final class Webhook {

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    interface Sleeper {
        /** Waits the given milliseconds. */
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * The outcome of one delivery.
     *
     * @param delivered true when a 2xx answer came back
     * @param attempts how many requests were made
     * @param last the last status, or the last connection failure
     */
    record Delivery(boolean delivered, int attempts, String last) {
    }

    private final URI url;
    private final byte[] secret;
    private final int retries;
    private final long firstBackoffMillis;
    private final Sleeper sleeper;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Webhook(URI url, byte[] secret, int retries, long firstBackoffMillis, Sleeper sleeper) {
        this.url = url;
        this.secret = secret.clone();
        this.retries = retries;
        this.firstBackoffMillis = firstBackoffMillis;
        this.sleeper = sleeper;
    }

    /** The signature header value of a body sent at {@code timestamp} (epoch seconds). */
    static String signature(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getMessage(), e);
        }
    }

    /** Posts one body, retrying as the class says; {@code timestamp} is the signing time in epoch seconds. */
    Delivery post(String body, long timestamp) throws InterruptedException {
        String last = "";
        long backoff = firstBackoffMillis;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Custos/" + DetectionFinding.productVersion())
                    .header("X-Custos-Timestamp", Long.toString(timestamp))
                    .header("X-Custos-Signature", signature(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                last = "HTTP " + status;
                if (status >= 200 && status < 300) {
                    return new Delivery(true, attempt, last);
                }
                if (status != 429 && status < 500) {
                    return new Delivery(false, attempt, last);
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt <= retries) {
                sleeper.sleep(backoff);
                backoff = Math.min(backoff * 2, 60_000);
            }
        }
        return new Delivery(false, retries + 1, last);
    }
}
