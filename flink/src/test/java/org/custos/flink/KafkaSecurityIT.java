package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.custos.core.engine.Analysis;
import org.custos.core.event.Event;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Kafka source against a broker whose client listeners are secured ({@link KafkaBroker#startSecured()}):
 * SASL_SSL with PLAIN or SCRAM-SHA-512, and mutual TLS. With the right client properties the job's findings equal
 * {@code custos analyze}'s; a wrong password, a missing truststore or a missing client certificate ends in one clear
 * line, in bounded time, rather than a job that waits forever; and no password reaches the Kafka client's or the
 * connector's log.
 */
class KafkaSecurityIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final String TOPIC = "secured-events";

    @TempDir
    static Path work;

    /** The Kafka client's and Flink's Kafka connector's log (at INFO, where the clients log their configuration). */
    private static final List<String> CLIENT_LOGGERS = List.of("org.apache.kafka.clients", "org.apache.kafka.common",
            "org.apache.flink.connector.kafka");
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

    static KafkaBroker broker;
    static Path input;
    static Analysis cli;

    @BeforeAll
    static void startASecuredBrokerAndFillATopic() throws Exception {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        LOGGED.setContext(logs);
        LOGGED.start();
        for (String name : CLIENT_LOGGERS) {
            Logger logger = logs.getLogger(name);
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(LOGGED);
        }
        broker = KafkaBroker.startSecured();
        input = Reference.simulate(work.resolve("org"), 30, 60, 11);
        cli = Reference.analyze(input);
        List<KafkaBroker.Message> messages = new ArrayList<>();
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            dir.forEachEvent((Event e) -> messages.add(new KafkaBroker.Message(null,
                    e.user().getBytes(StandardCharsets.UTF_8), EventJson.write(e).getBytes(StandardCharsets.UTF_8))));
        }
        broker.createTopic(TOPIC, 2);
        broker.produce(TOPIC, messages);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : CLIENT_LOGGERS) {
            Logger logger = logs.getLogger(name);
            logger.detachAppender(LOGGED);
            logger.setAdditive(true);
            logger.setLevel(null);
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** Every message logged so far by the Kafka client and Flink's Kafka connector, with its exception's. */
    private static String logged() {
        StringBuilder all = new StringBuilder();
        synchronized (LOGGED) {
            for (ILoggingEvent e : LOGGED.list) {
                all.append(e.getFormattedMessage()).append('\n');
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    all.append(t.getMessage()).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static CustosJob.Kafka topic(Map<String, String> properties, String group) {
        return new CustosJob.Kafka(broker.bootstrap(), TOPIC, group, true, work.resolve(group + "-dead.csv"),
                properties);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> p = new HashMap<>(broker.clientProperties());
        if (value == null) {
            p.remove(key);
        } else {
            p.put(key, value);
        }
        return p;
    }

    /** Runs the job at parallelism 2 over the whole topic and checks that it wrote exactly analyze's findings. */
    private static void assertAJobWritesTheFindingsOfAnalyze(CustosJob.Kafka kafka, String name) throws Exception {
        assertThat(KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30))).isEqualTo(2);
        Path out = work.resolve("out-" + kafka.groupId());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CustosJob.define(env, kafka, JobSettings.defaults(input), new JsonLinesSink(out));
        env.execute(name);
        assertThat(cli.alerts()).as("the simulated organization raises alerts").isNotEmpty();
        Reference.assertWroteExactly(cli, out);
    }

    @Test
    void aJobReadingOverSaslSslAtParallelismTwoGivesExactlyTheFindingsOfAnalyze() throws Exception {
        assertAJobWritesTheFindingsOfAnalyze(topic(broker.clientProperties(), "custos-secured"),
                "custos kafka over SASL_SSL");
        assertThat(logged()).as("the clients logged their configuration, secrets hidden").contains("[hidden]")
                .contains("sasl.jaas.config").doesNotContain(KafkaBroker.PASSWORD)
                .doesNotContain(broker.clientProperties().get("ssl.truststore.password"));
    }

    @Test
    void aJobLoggingInWithScramSha512GivesExactlyTheFindingsOfAnalyze() throws Exception {
        assertAJobWritesTheFindingsOfAnalyze(topic(broker.scramClientProperties(), "custos-scram"),
                "custos kafka over SASL_SSL with SCRAM-SHA-512");
        assertThat(logged()).contains("SCRAM-SHA-512").doesNotContain(KafkaBroker.PASSWORD);
    }

    @Test
    void aJobReadingOverMutualTlsGivesExactlyTheFindingsOfAnalyze() throws Exception {
        assertAJobWritesTheFindingsOfAnalyze(new CustosJob.Kafka(broker.mutualTlsBootstrap(), TOPIC,
                "custos-mutual-tls", true, work.resolve("custos-mutual-tls-dead.csv"),
                broker.mutualTlsClientProperties()), "custos kafka over mutual TLS");
        assertThat(logged()).contains("ssl.keystore.location").doesNotContain(KafkaBroker.CLIENT_STORE_PASSWORD);
    }

    @Test
    void aScramLoginWithAWrongPasswordIsReportedInOneLineWithoutThePassword() {
        Map<String, String> properties = new HashMap<>(broker.scramClientProperties());
        properties.put("sasl.jaas.config", KafkaBroker.scramJaas(KafkaBroker.USER, "guessed-wrong"));
        CustosJob.Kafka kafka = topic(properties, "custos-scram-wrong-password");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30)))
                .hasMessageStartingWith("Kafka at " + broker.bootstrap() + ", topic '" + TOPIC
                        + "': authentication failed: ")
                .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("guessed-wrong").doesNotContain("\n")));
    }

    @Test
    void aClientWithoutACertificateIsRefusedByTheMutualTlsListenerInOneLine() {
        Map<String, String> properties = new HashMap<>(broker.mutualTlsClientProperties());
        properties.keySet().removeIf(k -> k.startsWith("ssl.keystore.") || k.equals("ssl.key.password"));
        CustosJob.Kafka kafka = new CustosJob.Kafka(broker.mutualTlsBootstrap(), TOPIC, "custos-no-certificate",
                true, null, properties);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30)))
                .hasMessage("Kafka at " + broker.mutualTlsBootstrap() + ", topic '" + TOPIC + "': authentication "
                        + "failed: Failed to process post-handshake messages: Received fatal alert: bad_certificate "
                        + "(the broker refused the client's certificate: does ssl.keystore.location name a key store "
                        + "whose certificate it trusts?)"));
    }

    @Test
    void aWrongPasswordIsReportedInOneLineWithoutThePassword() {
        CustosJob.Kafka kafka = topic(with("sasl.jaas.config", KafkaBroker.jaas(KafkaBroker.USER, "guessed-wrong")),
                "custos-wrong-password");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Kafka at " + broker.bootstrap() + ", topic '" + TOPIC
                        + "': authentication failed: ")
                .hasMessageContaining("Invalid username or password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("guessed-wrong").doesNotContain("\n")));
    }

    @Test
    void aClientWithoutTheTruststoreIsReportedInOneLineAsAnUntrustedCertificate() {
        Map<String, String> properties = with("ssl.truststore.location", null);
        properties.remove("ssl.truststore.password");
        properties.remove("ssl.truststore.type");
        CustosJob.Kafka kafka = topic(properties, "custos-no-truststore");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30)))
                .hasMessageStartingWith("Kafka at " + broker.bootstrap() + ", topic '" + TOPIC
                        + "': authentication failed: SSL handshake failed")
                .hasMessageContaining("unable to find valid certification path")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KafkaBroker.PASSWORD).doesNotContain("\n")));
    }

    @Test
    void aTruststoreFileThatIsNotThereIsNamedInOneLine() {
        Path missing = work.resolve("no-such-truststore.p12");
        CustosJob.Kafka kafka = topic(with("ssl.truststore.location", missing.toString()), "custos-missing-store");
        assertThatThrownBy(() -> KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30)))
                .hasMessageStartingWith("Kafka at " + broker.bootstrap() + ", topic '" + TOPIC
                        + "': cannot create a client: ")
                .hasMessageContaining(missing.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .doesNotContain(broker.clientProperties().get("ssl.truststore.password")));
    }

    @Test
    void aPlaintextClientGetsNoAnswerFromTheTlsListenerAndIsToldSoWhenTheWaitEnds() {
        CustosJob.Kafka kafka = new CustosJob.Kafka(broker.bootstrap(), TOPIC, "custos-plaintext", true);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(3)))
                .hasMessage("Kafka at " + broker.bootstrap() + ", topic '" + TOPIC + "': no answer in 3 s (is the "
                        + "broker up, and does security.protocol match its listener?)"));
    }

    @Test
    void aMissingTopicIsReportedByName() {
        CustosJob.Kafka kafka = new CustosJob.Kafka(broker.bootstrap(), "no-such-topic", "custos-missing", true,
                null, broker.clientProperties());
        assertThatThrownBy(() -> KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30)))
                .hasMessage("Kafka at " + broker.bootstrap() + ", topic 'no-such-topic': no such topic");
    }

    /**
     * What Flink's Kafka source itself does on a failed login, found here: the source's split enumerator lists the
     * topic's partitions with an admin client, which fails with Kafka's SaslAuthenticationException; the
     * enumerator fails the job, and without checkpoints (no restart strategy) the job ends failed at once.
     */
    @Test
    void aJobWithAWrongPasswordFailsWithKafkasAuthenticationErrorInsteadOfWaiting() throws Exception {
        CustosJob.Kafka kafka = topic(with("sasl.jaas.config", KafkaBroker.jaas(KafkaBroker.USER, "guessed-wrong")),
                "custos-job-wrong-password");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CustosJob.define(env, kafka, JobSettings.defaults(input), new JsonLinesSink(work.resolve("out-refused")));
        JobClient job = env.executeAsync("custos kafka with a wrong password");
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> job.getJobExecutionResult().get(90, TimeUnit.SECONDS));
        assertThat(ExceptionUtils.findThrowable(failed, SaslAuthenticationException.class))
                .as("Kafka's authentication error in the job's failure").isPresent()
                .hasValueSatisfying(e -> assertThat(e.getMessage()).contains("Invalid username or password"));
        assertThat(logged()).as("Kafka's and Flink's logs of the failed login").contains("Invalid username or password")
                .doesNotContain("guessed-wrong");
    }
}
