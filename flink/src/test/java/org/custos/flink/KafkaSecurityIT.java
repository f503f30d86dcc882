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
 * The Kafka source against a broker whose client listener is SASL_SSL ({@link KafkaBroker#startSecured()}): with
 * the right client properties the job's findings equal {@code custos analyze}'s; a wrong password or a missing
 * truststore ends in one clear line, in bounded time, rather than a job that waits forever; and no password reaches
 * the Kafka client's or the connector's log.
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

    @Test
    void aJobReadingOverSaslSslAtParallelismTwoGivesExactlyTheFindingsOfAnalyze() throws Exception {
        CustosJob.Kafka kafka = topic(broker.clientProperties(), "custos-secured");
        assertThat(KafkaTopicCheck.partitions(kafka, Duration.ofSeconds(30))).isEqualTo(2);
        Path out = work.resolve("out");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CustosJob.define(env, kafka, JobSettings.defaults(input), new JsonLinesSink(out));
        env.execute("custos kafka over SASL_SSL");

        assertThat(cli.alerts()).as("the simulated organization raises alerts").isNotEmpty();
        Reference.assertWroteExactly(cli, out);
        assertThat(logged()).as("the clients logged their configuration, secrets hidden").contains("[hidden]")
                .contains("sasl.jaas.config").doesNotContain(KafkaBroker.PASSWORD)
                .doesNotContain(broker.clientProperties().get("ssl.truststore.password"));
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
