package org.custos.flink;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * KafkaTopicCheck connects to a Kafka input's brokers with its client properties, as the job's source will, and
 * describes its topic, within a bounded time: it turns a wrong password, an untrusted certificate, a missing topic
 * or an unreachable broker into one line before a job is started.
 *
 * <p>Why before: once running, Flink's Kafka source treats such a failure as any other. The enumerator's partition
 * discovery fails the job, and with checkpoints on, Flink's default restart strategy (exponential back-off, no
 * limit) starts it again and again, so a job never ends and says nothing outside the task managers' logs.
 */
public final class KafkaTopicCheck {

    private KafkaTopicCheck() {
    }

    /**
     * The number of partitions of the input's topic.
     *
     * @throws IllegalStateException with a one-line reason (secrets hidden) when the topic cannot be described
     *     within {@code timeout}
     */
    public static int partitions(CustosJob.Kafka kafka, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        kafka.properties().forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        String where = "Kafka at " + kafka.bootstrapServers() + ", topic '" + kafka.topic() + "': ";
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (KafkaException e) {
            throw new IllegalStateException(where + "cannot create a client: " + reason(e, kafka), e);
        }
        try {
            TopicDescription topic = admin.describeTopics(List.of(kafka.topic())).allTopicNames()
                    .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS).get(kafka.topic());
            return topic.partitions().size();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException(where + "no such topic", cause);
            } else if (cause instanceof AuthenticationException) {
                String reason = reason(cause, kafka);
                throw new IllegalStateException(where + "authentication failed: " + reason
                        + (refusedClientCertificate(reason) ? " (the broker refused the client's certificate: does "
                                + "ssl.keystore.location name a key store whose certificate it trusts?)" : ""), cause);
            } else if (cause instanceof AuthorizationException) {
                throw new IllegalStateException(where + "not authorized: " + reason(cause, kafka), cause);
            } else if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new IllegalStateException(where + "no answer in " + timeout.toSeconds() + " s (is the broker "
                        + "up, and does security.protocol match its listener?)", cause);
            }
            throw new IllegalStateException(where + reason(cause, kafka), cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(where + "no answer in " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(where + "interrupted", e);
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Whether a failed TLS handshake ended with an alert from the broker about the client's certificate: none was
     * sent to a listener that requires one, or the broker does not trust it.
     */
    private static boolean refusedClientCertificate(String reason) {
        return reason.contains("Received fatal alert: bad_certificate")
                || reason.contains("Received fatal alert: certificate_required")
                || reason.contains("Received fatal alert: unknown_ca")
                || reason.contains("Received fatal alert: certificate_unknown");
    }

    /**
     * The messages of an exception and its causes, joined on one line without repeats, secrets of the input's
     * properties hidden.
     */
    static String reason(Throwable failure, CustosJob.Kafka kafka) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null || m.isBlank() || out.indexOf(m.strip()) >= 0) {
                continue;
            }
            out.append(out.length() > 0 ? ": " : "").append(m.strip());
        }
        String text = out.length() == 0 ? failure.getClass().getSimpleName() : out.toString();
        return KafkaClientConfig.redact(text.replaceAll("\\s*\\R\\s*", " "), kafka.properties());
    }
}
