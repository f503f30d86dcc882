package org.custos.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.custos.cli.CommandRun;
import org.custos.flink.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custos flink-job --kafka-config FILE} against a broker whose client listeners are secured (SASL/PLAIN over
 * TLS with a certificate made for the run, and mutual TLS with a client certificate), against
 * {@code custos analyze} over the files the topic was filled from; and the one-line refusals of a wrong password, an
 * unreadable file and a file that sets Custos' own keys.
 */
class FlinkKafkaSecurityCommandIT {

    private static final String TOPIC = "custos-secured";

    @TempDir
    static Path work;

    static KafkaBroker broker;
    static AnalyzedOrganization organization;
    static Path input;

    @BeforeAll
    static void fillATopicOnASecuredBrokerAndAnalyzeTheFiles() throws Exception {
        broker = KafkaBroker.startSecured();
        organization = AnalyzedOrganization.simulate(work, 30, 60, 5);
        input = organization.input();
        broker.createTopic(TOPIC, 2);
        broker.produce(TOPIC, organization.messages());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** A client properties file as an operator writes it, for the given password. */
    private static Path clientProperties(String name, String password) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, """
                # Custos reading the events topic over SASL_SSL
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                    username="%s" password="%s";
                ssl.truststore.type=PKCS12
                ssl.truststore.location=%s
                ssl.truststore.password=%s
                """.formatted(KafkaBroker.USER, password, broker.clientProperties().get("ssl.truststore.location"),
                broker.clientProperties().get("ssl.truststore.password")));
        return file;
    }

    private static CommandRun flinkJob(Path config, Path out) {
        return flinkJob(broker.bootstrap(), config, out);
    }

    private static CommandRun flinkJob(String bootstrap, Path config, Path out) {
        return CommandRun.of("flink-job", "--kafka-bootstrap", bootstrap, "--kafka-topic", TOPIC,
                "--kafka-bounded", "--kafka-config", config.toString(), "--reference", input.toString(), "--sink",
                "jsonl:" + out, "--parallelism", "2", "--checkpoint-interval", "1");
    }

    @Test
    void readsTheTopicOverSaslSslWithAPropertiesFileIntoTheAlertsAndScoresOfAnalyze() throws Exception {
        Path out = work.resolve("flink-out");
        CommandRun run = flinkJob(clientProperties("client.properties", KafkaBroker.PASSWORD), out);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("reading 2 partitions of Kafka topic '" + TOPIC + "' at " + broker.bootstrap())
                .contains("finished").contains("0 rejected Kafka messages");
        organization.assertSinkHoldsTheReport(out);
        assertThat(run.out() + run.err()).doesNotContain(KafkaBroker.PASSWORD)
                .doesNotContain(broker.clientProperties().get("ssl.truststore.password"));
    }

    @Test
    void readsTheTopicOverMutualTlsWithAClientCertificateNamedInAPropertiesFile() throws Exception {
        Map<String, String> tls = broker.mutualTlsClientProperties();
        Path file = work.resolve("mutual-tls.properties");
        Files.writeString(file, """
                # Custos reading the events topic with its own certificate (mutual TLS)
                security.protocol=SSL
                ssl.keystore.type=PKCS12
                ssl.keystore.location=%s
                ssl.keystore.password=%s
                ssl.key.password=%s
                ssl.truststore.type=PKCS12
                ssl.truststore.location=%s
                ssl.truststore.password=%s
                """.formatted(tls.get("ssl.keystore.location"), KafkaBroker.CLIENT_STORE_PASSWORD,
                KafkaBroker.CLIENT_STORE_PASSWORD, tls.get("ssl.truststore.location"),
                tls.get("ssl.truststore.password")));
        Path out = work.resolve("mutual-tls-out");
        CommandRun run = flinkJob(broker.mutualTlsBootstrap(), file, out);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("reading 2 partitions of Kafka topic '" + TOPIC + "' at "
                + broker.mutualTlsBootstrap()).contains("finished").contains("0 rejected Kafka messages");
        organization.assertSinkHoldsTheReport(out);
        assertThat(run.out() + run.err()).doesNotContain(KafkaBroker.CLIENT_STORE_PASSWORD)
                .doesNotContain(tls.get("ssl.truststore.password"));
    }

    @Test
    void aWrongPasswordEndsTheCommandWithOneLineAndExitTwoBeforeAnyJobStarts() throws Exception {
        Path out = work.resolve("refused-out");
        CommandRun run = flinkJob(clientProperties("wrong.properties", "not-the-password"), out);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("custos: Kafka at " + broker.bootstrap() + ", topic '" + TOPIC
                + "': authentication failed: Authentication failed: Invalid username or password");
        assertThat(run.out()).doesNotContain("finished");
        assertThat(out.resolve("alerts.jsonl")).doesNotExist();
    }

    @Test
    void aPropertiesFileWithoutTheTruststoreIsRefusedInOneLineAsAnUntrustedCertificate() throws Exception {
        Path file = work.resolve("no-truststore.properties");
        Files.writeString(file, """
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                    username="%s" password="%s";
                """.formatted(KafkaBroker.USER, KafkaBroker.PASSWORD));
        CommandRun run = flinkJob(file, work.resolve("untrusted-out"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("custos: Kafka at " + broker.bootstrap() + ", topic '" + TOPIC
                + "': authentication failed: SSL handshake failed").contains("unable to find valid certification path")
                .doesNotContain("\n").doesNotContain(KafkaBroker.PASSWORD);
    }

    @Test
    void anUnreadablePropertiesFileIsRefusedInOneLineNamingIt() {
        Path missing = work.resolve("no-such.properties");
        CommandRun run = flinkJob(missing, work.resolve("x"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("custos: " + missing
                + ": cannot read the Kafka client properties (no such readable file)");
    }

    @Test
    void kafkaPropertiesWithADirectoryInputAreRefused() throws Exception {
        CommandRun run = CommandRun.of("flink-job", "--input", input.toString(), "--kafka-config",
                clientProperties("unused.properties", KafkaBroker.PASSWORD).toString(), "--sink",
                "jsonl:" + work.resolve("z"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("custos: --kafka-config is for a Kafka input, not --input");
    }

    @Test
    void aPropertiesFileThatSetsCustosOwnKeysOrUnknownOnesIsRefusedOneLineEachWithoutValues() throws Exception {
        Path file = work.resolve("owned.properties");
        Files.writeString(file, """
                bootstrap.servers=elsewhere:9092
                group.id=someone-else
                security.protocol=SASL_SSLX
                sasl.mechanisms=PLAIN
                ssl.truststore.password=hunter2-secret
                """);
        CommandRun run = flinkJob(file, work.resolve("y"));
        assertThat(run.code()).isEqualTo(2);
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).containsExactly(
                "custos: " + file + ": key 'bootstrap.servers' is set by Custos (--kafka-bootstrap); remove it",
                file + ": key 'group.id' is set by Custos (--kafka-group); remove it",
                file + ": key 'sasl.mechanisms' is not a Kafka consumer property");
        assertThat(lines.get(3)).startsWith(file + ": key 'security.protocol': not a valid string (")
                .contains("SASL_SSL", "PLAINTEXT");
        assertThat(run.err()).doesNotContain("elsewhere").doesNotContain("hunter2").doesNotContain("SASL_SSLX");
    }
}
