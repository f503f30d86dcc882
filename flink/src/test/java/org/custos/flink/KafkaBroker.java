package org.custos.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * KafkaBroker is a real Apache Kafka broker for tests, in this JVM: one KRaft node that is both broker and
 * controller (no ZooKeeper, no container), listening on 127.0.0.1 on free ports, with its log in a fresh directory
 * that {@link #close()} deletes. It formats its storage as {@code kafka-storage format} does, and {@link #start()}
 * returns once the broker has registered with its controller and takes topics. {@link #startSecured()} starts one
 * whose client listeners are secured as operators secure them: SASL_SSL (SASL/PLAIN or SCRAM-SHA-512 over TLS with a
 * certificate made for the run) and SSL with client certificates (mutual TLS); its helpers ({@link #createTopic},
 * {@link #produce}, {@link #endOffsets}) then use {@link #clientProperties()}.
 *
 * <p>Sized for a shared two-core machine: one network thread, two I/O threads, a one-partition offsets topic and no
 * initial rebalance delay, so start-up takes a few seconds.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";
    private static final int ATTEMPTS = 3;

    /** The SASL/PLAIN user clients of a secured broker log in as. */
    public static final String USER = "custos";
    /** That user's password. */
    public static final String PASSWORD = "custos-secret-7f3a";

    private static final String BROKER_USER = "broker";
    private static final String BROKER_PASSWORD = "broker-secret-91c2";
    private static final String STORE_PASSWORD = "store-secret-5e8d";
    /** The password of the client's key store (its key and certificate for mutual TLS). */
    public static final String CLIENT_STORE_PASSWORD = "client-store-secret-2b6e";

    private final Path dir;
    private final KafkaConfig config;
    private KafkaRaftServer server;
    private final String bootstrap;
    private final Map<String, String> client;
    private final String mutualTlsBootstrap;
    private final Map<String, String> mutualTlsClient;

    private KafkaBroker(Path dir, KafkaConfig config, KafkaRaftServer server, String bootstrap,
            Map<String, String> client, String mutualTlsBootstrap, Map<String, String> mutualTlsClient) {
        this.dir = dir;
        this.config = config;
        this.server = server;
        this.bootstrap = bootstrap;
        this.client = Map.copyOf(client);
        this.mutualTlsBootstrap = mutualTlsBootstrap;
        this.mutualTlsClient = Map.copyOf(mutualTlsClient);
    }

    /** Formats a fresh log directory and starts a broker on it; retries on other free ports if one was taken. */
    public static KafkaBroker start() throws Exception {
        return start(false);
    }

    /**
     * Starts a broker with two secured client listeners, the controller listener staying PLAINTEXT:
     * <ul>
     *   <li>SASL_SSL at {@link #bootstrap()}: TLS with a self-signed certificate for 127.0.0.1 (made with the JDK's
     *       {@code keytool} in the broker's directory), and SASL/PLAIN or SCRAM-SHA-512 as the user {@link #USER}
     *       with {@link #PASSWORD} (the SCRAM credential is stored in the cluster's metadata once the broker is up).
     *       {@link #clientProperties()} log in with PLAIN, {@link #scramClientProperties()} with SCRAM;</li>
     *   <li>SSL with {@code ssl.client.auth=required} at {@link #mutualTlsBootstrap()}: a client must present a
     *       certificate the broker trusts; {@link #mutualTlsClientProperties()} hold the one made for the run
     *       (CN=custos-client, in a key store of its own).</li>
     * </ul>
     */
    public static KafkaBroker startSecured() throws Exception {
        return start(true);
    }

    private static KafkaBroker start(boolean secured) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path dir = Files.createTempDirectory("custos-kafka-");
            try {
                return start(dir, secured);
            } catch (Exception e) {
                delete(dir);
                last = e;
            }
        }
        throw last;
    }

    private static KafkaBroker start(Path dir, boolean secured) throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        while (controllerPort == brokerPort) {
            controllerPort = freePort();
        }
        int mutualTlsPort = freePort();
        while (mutualTlsPort == brokerPort || mutualTlsPort == controllerPort) {
            mutualTlsPort = freePort();
        }
        Path logPath = dir.resolve("log");
        Files.createDirectories(logPath);
        String logDir = logPath.toAbsolutePath().toString();
        String listener = secured ? "SASL_SSL" : "PLAINTEXT";
        String clientListeners = listener + "://127.0.0.1:" + brokerPort
                + (secured ? ",SSL://127.0.0.1:" + mutualTlsPort : "");
        Map<String, String> client = new HashMap<>();
        Map<String, String> mutualTlsClient = new HashMap<>();
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", clientListeners + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", clientListeners);
        props.put("controller.listener.names", CONTROLLER);
        props.put("inter.broker.listener.name", listener);
        props.put("listener.security.protocol.map", listener + ":" + listener + "," + CONTROLLER + ":PLAINTEXT"
                + (secured ? ",SSL:SSL" : ""));
        if (secured) {
            Path truststore = certificates(dir);
            String prefix = "listener.name.sasl_ssl.";
            props.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
            props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            props.put(prefix + "plain.sasl.jaas.config", jaas(BROKER_USER, BROKER_PASSWORD)
                    .replace(";", " user_" + BROKER_USER + "=\"" + BROKER_PASSWORD + "\" user_" + USER + "=\""
                            + PASSWORD + "\";"));
            props.put(prefix + "scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            tlsListener(props, prefix, dir, truststore);
            client.put("security.protocol", "SASL_SSL");
            client.put("sasl.mechanism", "PLAIN");
            client.put("sasl.jaas.config", jaas(USER, PASSWORD));
            client.put("ssl.truststore.location", truststore.toString());
            client.put("ssl.truststore.type", "PKCS12");
            client.put("ssl.truststore.password", STORE_PASSWORD);

            String mutual = "listener.name.ssl.";
            props.put(mutual + "ssl.client.auth", "required");
            tlsListener(props, mutual, dir, dir.resolve("clients.p12"));
            mutualTlsClient.put("security.protocol", "SSL");
            mutualTlsClient.put("ssl.keystore.location", dir.resolve("client.p12").toString());
            mutualTlsClient.put("ssl.keystore.type", "PKCS12");
            mutualTlsClient.put("ssl.keystore.password", CLIENT_STORE_PASSWORD);
            mutualTlsClient.put("ssl.key.password", CLIENT_STORE_PASSWORD);
            mutualTlsClient.put("ssl.truststore.location", truststore.toString());
            mutualTlsClient.put("ssl.truststore.type", "PKCS12");
            mutualTlsClient.put("ssl.truststore.password", STORE_PASSWORD);
        }
        props.put("log.dirs", logDir);
        props.put("metadata.log.dir", logDir);
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.network.threads", "1");
        props.put("num.io.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("background.threads", "2");
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        KafkaConfig config = new KafkaConfig(props, false);

        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir))
                .setMetadataLogDirectory(logDir)
                .setControllerListenerName(CONTROLLER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        formatter.run();

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = "127.0.0.1:" + brokerPort;
        String mutualTlsBootstrap = secured ? "127.0.0.1:" + mutualTlsPort : null;
        try {
            server.startup();
            awaitReady(bootstrap, client);
            if (secured) {
                addScramCredential(bootstrap, client);
                awaitLogin(bootstrap, scram(client));
                awaitLogin(mutualTlsBootstrap, mutualTlsClient);
            }
        } catch (Exception | Error e) {
            server.shutdown();
            server.awaitShutdown();
            throw e instanceof Exception ex ? ex : new IllegalStateException(e);
        }
        return new KafkaBroker(dir, config, server, bootstrap, client, mutualTlsBootstrap, mutualTlsClient);
    }

    /**
     * The TLS settings of one listener ({@code prefix} is {@code listener.name.NAME.}): the broker's key store
     * ({@code broker.p12}) and the given truststore, both PKCS12.
     */
    private static void tlsListener(Map<String, Object> props, String prefix, Path dir, Path truststore) {
        props.put(prefix + "ssl.keystore.location", dir.resolve("broker.p12").toString());
        props.put(prefix + "ssl.keystore.type", "PKCS12");
        props.put(prefix + "ssl.keystore.password", STORE_PASSWORD);
        props.put(prefix + "ssl.key.password", STORE_PASSWORD);
        props.put(prefix + "ssl.truststore.location", truststore.toString());
        props.put(prefix + "ssl.truststore.type", "PKCS12");
        props.put(prefix + "ssl.truststore.password", STORE_PASSWORD);
    }

    /** A SCRAM-SHA-512 login line (the password is salted and hashed by the client, never sent). */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The SASL_SSL client properties with SCRAM-SHA-512 in place of PLAIN. */
    private static Map<String, String> scram(Map<String, String> plain) {
        Map<String, String> out = new HashMap<>(plain);
        out.put("sasl.mechanism", "SCRAM-SHA-512");
        out.put("sasl.jaas.config", scramJaas(USER, PASSWORD));
        return out;
    }

    /** Stores {@link #USER}'s SCRAM-SHA-512 credential in the cluster's metadata, as {@code kafka-configs} does. */
    private static void addScramCredential(String bootstrap, Map<String, String> client) throws Exception {
        try (Admin admin = admin(bootstrap, client)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD))).all().get();
        }
    }

    /** Waits until a client with these properties can log in and list the cluster's brokers. */
    private static void awaitLogin(String bootstrap, Map<String, String> client) throws Exception {
        retryFor30Seconds(bootstrap, client, "no login at " + bootstrap,
                admin -> admin.describeCluster().nodes().get());
    }

    /** A request of an admin client, which fails with an ExecutionException while the broker cannot answer it. */
    private interface AdminCall {
        void run(Admin admin) throws ExecutionException, InterruptedException;
    }

    /** Repeats a request every 100 ms until it succeeds; after 30 s fails with {@code failure} and the last cause. */
    private static void retryFor30Seconds(String bootstrap, Map<String, String> client, String failure,
            AdminCall call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Admin admin = admin(bootstrap, client)) {
            while (true) {
                try {
                    call.run(admin);
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(failure + " in 30 s", e.getCause());
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /** A SASL/PLAIN login line. */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /**
     * Makes, with the JDK's {@code keytool}: the broker's key pair and self-signed certificate for CN and SAN
     * 127.0.0.1 ({@code broker.p12}) and a truststore holding only that certificate ({@code truststore.p12}), which
     * clients use; and a client's key pair and self-signed certificate, CN=custos-client ({@code client.p12}), with
     * the broker's truststore for client certificates holding only that one ({@code clients.p12}).
     */
    private static Path certificates(Path dir) throws IOException, InterruptedException {
        Path clientKeystore = dir.resolve("client.p12");
        Path clientCertificate = dir.resolve("client.crt");
        keytool(dir, "-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=custos-client", "-keystore", clientKeystore.toString(), "-storetype", "PKCS12",
                "-storepass", CLIENT_STORE_PASSWORD, "-keypass", CLIENT_STORE_PASSWORD);
        keytool(dir, "-exportcert", "-rfc", "-alias", "client", "-keystore", clientKeystore.toString(), "-storetype",
                "PKCS12", "-storepass", CLIENT_STORE_PASSWORD, "-file", clientCertificate.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "client", "-file", clientCertificate.toString(),
                "-keystore", dir.resolve("clients.p12").toString(), "-storetype", "PKCS12", "-storepass",
                STORE_PASSWORD);
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.crt");
        Path truststore = dir.resolve("truststore.p12");
        keytool(dir, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool(dir, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storetype",
                "PKCS12", "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-keystore",
                truststore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        return truststore;
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output.strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the broker is unfenced: a topic can be created (and is deleted again). */
    private static void awaitReady(String bootstrap, Map<String, String> client) throws Exception {
        retryFor30Seconds(bootstrap, client, "Kafka broker at " + bootstrap + " not ready", admin -> {
            admin.createTopics(List.of(new NewTopic("custos-ready", 1, (short) 1))).all().get();
            admin.deleteTopics(List.of("custos-ready")).all().get();
        });
    }

    private static Admin admin(String bootstrap, Map<String, String> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(config);
    }

    /** The address clients connect to, {@code 127.0.0.1:PORT}. */
    public String bootstrap() {
        return bootstrap;
    }

    /**
     * The client properties a consumer, producer or admin client needs beyond the brokers: none for a PLAINTEXT
     * broker; for a secured one {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config} (user
     * {@link #USER}) and the truststore.
     */
    public Map<String, String> clientProperties() {
        return client;
    }

    /** For a secured broker: the SASL_SSL client properties logging in with SCRAM-SHA-512 instead of PLAIN. */
    public Map<String, String> scramClientProperties() {
        return scram(client);
    }

    /** For a secured broker: the address of its mutual-TLS (SSL, client certificate required) listener. */
    public String mutualTlsBootstrap() {
        return mutualTlsBootstrap;
    }

    /**
     * For a secured broker: what a client of its mutual-TLS listener needs: {@code security.protocol=SSL}, its key
     * store (key and certificate, password {@link #CLIENT_STORE_PASSWORD}) and the truststore.
     */
    public Map<String, String> mutualTlsClientProperties() {
        return mutualTlsClient;
    }

    /** Creates a topic with the given number of partitions (replication factor 1). */
    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin(bootstrap, client)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** The end offset (the number of messages, for a topic never compacted) of each partition of a topic. */
    public List<Long> endOffsets(String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try (Admin admin = admin(bootstrap, client)) {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            List<Long> out = new java.util.ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                out.add(ends.get(new TopicPartition(topic, p)).offset());
            }
            return out;
        }
    }

    /**
     * Produces messages to a topic, in order, and waits until every one is acknowledged by the broker. A message's
     * key and value may be null (a null value is a tombstone); a null partition leaves the choice to the producer's
     * partitioner (by key hash).
     */
    public void produce(String topic, List<Message> messages) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>(messages.size());
            for (Message m : messages) {
                sent.add(producer.send(new ProducerRecord<>(topic, m.partition(), m.key(), m.value())));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> s : sent) {
                s.get();
            }
        }
    }

    /**
     * One message to produce.
     *
     * @param partition the partition, or null for the partitioner's choice
     * @param key the key bytes, or null
     * @param value the value bytes, or null (a tombstone)
     */
    public record Message(Integer partition, byte[] key, byte[] value) {
    }

    /**
     * Stops the broker (a controlled shutdown, as for maintenance or a failover), keeping its log: clients get no
     * answer at its address until {@link #restart()}.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a stopped broker again on the same ports and log, and returns once it takes topics again. */
    public synchronized void restart() throws Exception {
        if (server != null) {
            throw new IllegalStateException("the broker is running");
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(bootstrap, client);
    }

    /** Stops the broker and deletes its log directory. */
    @Override
    public void close() throws IOException {
        try {
            stop();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
