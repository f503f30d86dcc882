package org.custos.flink;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * KafkaClientConfig is the Kafka consumer configuration a user gives the job beyond the brokers and the group: TLS,
 * SASL and tuning properties, read from a Java properties file (the form Kafka's own tools take with
 * {@code --command-config} or {@code --consumer.config}) and checked key by key against Kafka's consumer
 * configuration and the Flink Kafka source's options.
 *
 * <p>Custos owns a few keys ({@link #OWNED}): the brokers and the group come from their own options, the job reads
 * raw bytes (its deserializer parses the JSON) and starts at the earliest offset. A file that sets one of them is
 * refused rather than silently overridden. Values are secrets (passwords, JAAS lines): no message of this class
 * prints one, and {@link #redact} removes them from messages that others produce.
 */
public final class KafkaClientConfig {

    /** The consumer keys Custos sets itself, each with where its value comes from. */
    public static final Map<String, String> OWNED = ownedKeys();

    private static final Set<String> FLINK_OPTIONS = Set.of(KafkaSourceOptions.CLIENT_ID_PREFIX.key(),
            KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS.key(),
            KafkaSourceOptions.REGISTER_KAFKA_CONSUMER_METRICS.key(),
            KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key());

    /** An option of a JAAS line, {@code name="value"} or {@code name=value}. */
    private static final Pattern JAAS_OPTION = Pattern.compile("([A-Za-z_.]+)\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;\"]+))");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|key).*");

    private KafkaClientConfig() {
    }

    private static Map<String, String> ownedKeys() {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "--kafka-bootstrap");
        owned.put(ConsumerConfig.GROUP_ID_CONFIG, "--kafka-group");
        owned.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "Custos reads raw bytes");
        owned.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "Custos reads raw bytes");
        owned.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "Custos starts at the earliest offset");
        return java.util.Collections.unmodifiableMap(owned);
    }

    /**
     * Reads a properties file and checks every key: one that Custos owns, one that is neither a Kafka consumer
     * property nor a Flink Kafka source option, a value Kafka would refuse, a key given twice. Every problem is
     * reported at once, one line each, naming the file and the key (never the value).
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException with one line per problem
     */
    public static Map<String, String> load(Path file) throws IOException {
        List<String> twice = new ArrayList<>();
        Properties read = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                Object before = super.put(key, value);
                if (before != null) {
                    twice.add(file + ": key '" + key + "' is given more than once");
                }
                return before;
            }
        };
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not a properties file: " + e.getMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text");
        }
        Map<String, String> properties = new TreeMap<>();
        read.stringPropertyNames().forEach(k -> properties.put(k, read.getProperty(k)));
        List<String> problems = new ArrayList<>(twice);
        problems.addAll(problems(properties, file.toString()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        return properties;
    }

    /** The problems of a set of properties, one line each, prefixed with {@code where}; empty when none. */
    static List<String> problems(Map<String, String> properties, String where) {
        List<String> problems = new ArrayList<>();
        ConfigDef consumer = ConsumerConfig.configDef();
        for (Map.Entry<String, String> p : new TreeMap<>(properties).entrySet()) {
            String key = p.getKey();
            String owner = OWNED.get(key);
            if (owner != null) {
                problems.add(where + ": key '" + key + "' is set by Custos (" + owner + "); remove it");
                continue;
            }
            ConfigDef.ConfigKey def = consumer.configKeys().get(key);
            if (def == null) {
                if (!FLINK_OPTIONS.contains(key)) {
                    problems.add(where + ": key '" + key + "' is not a Kafka consumer property");
                }
                continue;
            }
            try {
                Object value = ConfigDef.parseType(key, p.getValue(), def.type);
                if (def.validator != null) {
                    def.validator.ensureValid(key, value);
                }
            } catch (ConfigException e) {
                problems.add(where + ": key '" + key + "': not a valid " + def.type.name().toLowerCase()
                        + (def.validator == null ? "" : " (" + def.validator + ")"));
            }
        }
        return problems;
    }

    /**
     * A message with every secret of {@code properties} replaced by {@code [hidden]}: the whole value of each
     * password property and, in a JAAS line ({@code sasl.jaas.config}), each option whose name speaks of a password,
     * secret, token or key.
     */
    public static String redact(String message, Map<String, String> properties) {
        if (message == null || properties.isEmpty()) {
            return message;
        }
        Set<String> secrets = new LinkedHashSet<>();
        ConfigDef consumer = ConsumerConfig.configDef();
        for (Map.Entry<String, String> p : properties.entrySet()) {
            ConfigDef.ConfigKey def = consumer.configKeys().get(p.getKey());
            if ((def != null && def.type == ConfigDef.Type.PASSWORD) || p.getKey().contains("password")) {
                secrets.add(p.getValue());
                Matcher option = JAAS_OPTION.matcher(p.getValue());
                while (option.find()) {
                    if (SECRET_NAME.matcher(option.group(1)).matches()) {
                        secrets.add(option.group(2) != null ? option.group(2) : option.group(3));
                    }
                }
            }
        }
        String out = message;
        for (String secret : secrets.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            if (secret.length() >= 3) {
                out = out.replace(secret, "[hidden]");
            }
        }
        return out;
    }

    /** The keys of {@code properties} with every value hidden, for logs and {@code toString}. */
    static String describe(Map<String, String> properties) {
        StringBuilder out = new StringBuilder("{");
        for (String key : new TreeMap<>(properties).keySet()) {
            out.append(out.length() > 1 ? ", " : "").append(key).append("=[hidden]");
        }
        return out.append('}').toString();
    }
}
