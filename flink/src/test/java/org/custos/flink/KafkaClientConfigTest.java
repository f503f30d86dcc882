package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsAClientPropertiesFileAsKafkasToolsDoWithContinuedLinesAndComments() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                # over TLS with SASL/SCRAM
                security.protocol = SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="custos" password="s3cret-pw";
                ssl.truststore.location=/etc/custos/truststore.p12
                max.poll.records=1000
                client.id.prefix=custos-reader
                """);
        assertThat(KafkaClientConfig.load(file)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"custos\" password=\"s3cret-pw\";",
                "ssl.truststore.location", "/etc/custos/truststore.p12",
                "max.poll.records", "1000",
                "client.id.prefix", "custos-reader"));
    }

    @Test
    void reportsEveryProblemOfAFileOneLineEachNamingFileAndKeyButNeverTheValue() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, """
                group.id=not-yours
                value.deserializer=com.example.Secret
                max.poll.records=many
                ssl.keystore.password=first-pw
                ssl.keystore.password=second-pw
                """);
        assertThatThrownBy(() -> KafkaClientConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).containsExactly(
                        file + ": key 'ssl.keystore.password' is given more than once",
                        file + ": key 'group.id' is set by Custos (--kafka-group); remove it",
                        file + ": key 'max.poll.records': not a valid int ([1,...])",
                        file + ": key 'value.deserializer' is set by Custos (Custos reads raw bytes); remove it"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-yours").doesNotContain("Secret")
                        .doesNotContain("-pw").doesNotContain("many"));
    }

    @Test
    void aKafkaInputRefusesCustosOwnKeysAndPrintsNoValue() {
        assertThatThrownBy(() -> new CustosJob.Kafka("b:9092", "t", "g", false, null,
                Map.of("auto.offset.reset", "latest")))
                .hasMessage("Kafka properties: key 'auto.offset.reset' is set by Custos (Custos starts at the "
                        + "earliest offset); remove it");
        CustosJob.Kafka kafka = new CustosJob.Kafka("b:9092", "t", "g", false, null,
                Map.of("sasl.jaas.config", "x required password=\"pw-123\";", "security.protocol", "SASL_SSL"));
        assertThat(kafka.toString()).contains("properties={sasl.jaas.config=[hidden], security.protocol=[hidden]}")
                .doesNotContain("pw-123");
    }

    @Test
    void redactsPasswordsAndQuotedJaasValuesFromOthersMessages() {
        Map<String, String> props = Map.of(
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"custos\" password=\"pw-9f2\";",
                "ssl.truststore.password", "store-pw-1");
        assertThat(KafkaClientConfig.redact("custos: login pw-9f2 failed; store store-pw-1 unreadable", props))
                .isEqualTo("custos: login [hidden] failed; store [hidden] unreadable");
    }
}
