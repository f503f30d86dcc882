package org.custos.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.custos.core.event.Event;

/** A JsonFormat is a JSON event schema Custos reads, one record per line. */
public enum JsonFormat {
    /** Open Cybersecurity Schema Framework events ({@code class_uid}, {@code time} in milliseconds). */
    OCSF("ocsf"),
    /** Elastic Common Schema documents ({@code @timestamp}, {@code event.category}). */
    ECS("ecs"),
    /** Custos' own HR, custody, badge and print feeds as JSON ({@code feed}, {@code time}). */
    CUSTOS("custos-json");

    private final String label;

    JsonFormat(String label) {
        this.label = label;
    }

    /** The format's name in reports and options ({@code ocsf}, {@code ecs}). */
    public String label() {
        return label;
    }

    /** The Custos event a record of this format describes, or why it describes none. */
    public Event read(JsonNode record) throws MappingException {
        return switch (this) {
            case OCSF -> OcsfMapping.read(record);
            case ECS -> EcsMapping.read(record);
            case CUSTOS -> CustosFeedMapping.read(record);
        };
    }

    /**
     * The format a record is in: OCSF when it has {@code class_uid}, ECS when it has {@code @timestamp}, a Custos
     * feed when it has {@code feed}.
     */
    public static Optional<JsonFormat> detect(JsonNode record) {
        if (record.isObject() && record.has("class_uid")) {
            return Optional.of(OCSF);
        }
        if (record.isObject() && record.has("@timestamp")) {
            return Optional.of(ECS);
        }
        if (record.isObject() && record.has("feed")) {
            return Optional.of(CUSTOS);
        }
        return Optional.empty();
    }
}
