package org.custos.cli.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.flink.CustosJob;
import org.custos.flink.JobSettings;
import org.custos.flink.JsonLinesSink;
import org.custos.flink.KafkaClientConfig;
import org.custos.flink.KafkaDeadLetters;
import org.custos.flink.KafkaTopicCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * FlinkJobCommand is {@code custos flink-job}: runs the detectors as an Apache Flink job, on an embedded local
 * cluster or on a real one ({@code --remote}), from an input directory or a Kafka topic, into a sink.
 */
@Command(name = "flink-job", mixinStandardHelpOptions = true,
        description = {"Run the detectors as an Apache Flink job (docs/flink.md).", "",
                "Reads an input directory (as 'custos analyze' does; the job ends with the input) or a Kafka topic of "
                        + "JSON events (it runs until stopped, or to the topic's current end with --kafka-bounded), "
                        + "and writes alerts, daily scores, people's results and a summary to the sink. For the same "
                        + "directory the results equal those of 'custos analyze' at any parallelism.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the job finished", "  1  the job failed", "  2  bad options, unreadable input, or a Kafka "
                + "topic that cannot be read (no such topic, failed login, untrusted certificate, no answer in 30 s)"})
public final class FlinkJobCommand implements Callable<Integer> {

    /** How long the command waits for the brokers to describe the topic before it starts a Kafka job. */
    static final Duration KAFKA_CHECK_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", description = "Input directory in any layout 'custos analyze' reads.")
    Path input;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT,...", description = "Kafka brokers (instead of --input).")
    String kafkaBootstrap;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", description = "Kafka topic of JSON events (docs/flink.md).")
    String kafkaTopic;

    @Option(names = "--kafka-group", paramLabel = "GROUP", defaultValue = "custos",
            description = "Kafka consumer group. Default: ${DEFAULT-VALUE}.")
    String kafkaGroup;

    @Option(names = "--kafka-bounded", description = "Stop at the topic's end as of the job's start (a replay).")
    boolean kafkaBounded;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka consumer properties (TLS, SASL, tuning) in a Java properties file, the form of "
                    + "Kafka's --command-config; not bootstrap.servers, group.id, the deserializers or "
                    + "auto.offset.reset, which Custos sets. Values are never printed. Every task manager must read "
                    + "the files it names.")
    Path kafkaConfig;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Directory with LDAP/, decoy_file.csv and the personnel feed. Default: the --input directory; "
                    + "required with Kafka.")
    Path reference;

    @Option(names = "--sink", paramLabel = "jsonl:DIR", required = true,
            description = "Where findings go: jsonl:DIR writes alerts.jsonl, daily-scores.jsonl, people.jsonl and "
                    + "summary.jsonl into DIR, each finding once.")
    String sink;

    @Option(names = "--dead-letters", paramLabel = "FILE",
            description = "Where unreadable input rows, or Kafka messages that are not events, go (CSV: file,line,"
                    + "reason,raw; for Kafka, file is TOPIC-PARTITION and line the offset). Default: none for "
                    + "--input; dead-letters.csv in the sink directory for Kafka.")
    Path deadLetters;

    @Option(names = "--parallelism", defaultValue = "1",
            description = "Parallelism of the per-person detectors. Default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between checkpoints; 0 for none. Default: ${DEFAULT-VALUE}.")
    int checkpointSeconds;

    @Option(names = "--out-of-orderness", paramLabel = "SECONDS", defaultValue = "300",
            description = "How late an event may arrive and still be scored in event-time order. "
                    + "Default: ${DEFAULT-VALUE}.")
    int outOfOrderSeconds;

    @Option(names = "--remote", paramLabel = "HOST:PORT",
            description = "Submit to a Flink cluster's REST endpoint (the job jar is this custos.jar); "
                    + "without it the job runs on an embedded local cluster.")
    String remote;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        CustosJob.Input source = source();
        Path ref = reference != null ? reference : input;
        if (!Files.isDirectory(ref)) {
            throw new UsageException(ref + ": no such directory");
        }
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be >= 1, was " + parallelism);
        }
        if (checkpointSeconds < 0 || outOfOrderSeconds < 0) {
            throw new UsageException("--checkpoint-interval and --out-of-orderness must be >= 0");
        }
        if (!sink.startsWith("jsonl:") || sink.length() == "jsonl:".length()) {
            throw new UsageException("--sink: expected jsonl:DIR, got '" + sink + "'");
        }
        Path out = Path.of(sink.substring("jsonl:".length()));
        if (source instanceof CustosJob.Kafka k && k.deadLetters() == null) {
            source = k.withDeadLetters(out.resolve("dead-letters.csv"));
        }
        JobSettings defaults = JobSettings.defaults(ref);
        JobSettings settings = new JobSettings(defaults.reference(), defaults.zone(), defaults.warmUpDays(),
                defaults.parameters(), defaults.budget(), Duration.ofSeconds(outOfOrderSeconds));

        StreamExecutionEnvironment env = environment();
        env.setParallelism(parallelism);
        if (checkpointSeconds > 0) {
            env.enableCheckpointing(checkpointSeconds * 1000L, CheckpointingMode.EXACTLY_ONCE);
        }
        if (source instanceof CustosJob.Kafka k) {
            int partitions;
            try {
                partitions = KafkaTopicCheck.partitions(k, KAFKA_CHECK_TIMEOUT);
            } catch (IllegalStateException e) {
                throw new UsageException(e.getMessage(), e);
            }
            spec.commandLine().getOut().printf("reading %d partitions of Kafka topic '%s' at %s%s%n", partitions,
                    k.topic(), k.bootstrapServers(), k.bounded() ? " to their current end" : "");
            spec.commandLine().getOut().flush();
        }
        CustosJob.define(env, source, settings, new JsonLinesSink(out));
        long start = System.nanoTime();
        JobExecutionResult result;
        try {
            result = env.execute("custos " + (input != null ? input.getFileName() : kafkaTopic));
        } catch (Exception e) {
            throw new IllegalStateException("flink job failed: " + rootCause(e, source), e);
        }
        spec.commandLine().getOut().printf("flink job %s finished in %.1f s (parallelism %d) -> %s%n",
                result.getJobID(), (System.nanoTime() - start) / 1e9, parallelism, out.toAbsolutePath());
        if (source instanceof CustosJob.Kafka k) {
            spec.commandLine().getOut().printf("%d rejected Kafka messages in %s%n",
                    KafkaDeadLetters.count(k.deadLetters()), k.deadLetters().toAbsolutePath());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private CustosJob.Input source() {
        boolean kafka = kafkaBootstrap != null || kafkaTopic != null;
        if ((input == null) == !kafka) {
            throw new UsageException("give either --input DIR or --kafka-bootstrap with --kafka-topic");
        }
        if (input != null) {
            if (kafkaConfig != null) {
                throw new UsageException("--kafka-config is for a Kafka input, not --input");
            }
            if (!Files.isDirectory(input)) {
                throw new UsageException(input + ": no such directory");
            }
            return new CustosJob.Directory(input, deadLetters);
        }
        if (kafkaBootstrap == null || kafkaTopic == null) {
            throw new UsageException("Kafka needs both --kafka-bootstrap and --kafka-topic");
        }
        if (reference == null) {
            throw new UsageException("Kafka needs --reference DIR (the organization's LDAP/ and reference files)");
        }
        try {
            return new CustosJob.Kafka(kafkaBootstrap, kafkaTopic, kafkaGroup, kafkaBounded, deadLetters,
                    kafkaConfig == null ? Map.of() : clientProperties(kafkaConfig));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static Map<String, String> clientProperties(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(file + ": cannot read the Kafka client properties (no such readable file)");
        }
        try {
            return KafkaClientConfig.load(file);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the Kafka client properties (" + e.getMessage() + ")", e);
        }
    }

    /** The innermost message of a job's failure, on one line, with the Kafka client's secrets hidden. */
    private static String rootCause(Throwable failure, CustosJob.Input source) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage().replaceAll("\\s*\\R\\s*", " ");
        return source instanceof CustosJob.Kafka k ? KafkaClientConfig.redact(message, k.properties()) : message;
    }

    private StreamExecutionEnvironment environment() throws Exception {
        if (remote == null) {
            return StreamExecutionEnvironment.getExecutionEnvironment();
        }
        int colon = remote.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--remote: expected HOST:PORT, got '" + remote + "'");
        }
        int port;
        try {
            port = Integer.parseInt(remote.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--remote: port '" + remote.substring(colon + 1) + "' is not a number");
        }
        Path jar = Path.of(FlinkJobCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("--remote needs custos.jar (run through ./custos or java -jar), not " + jar);
        }
        return StreamExecutionEnvironment.createRemoteEnvironment(remote.substring(0, colon), port, jar.toString());
    }
}
