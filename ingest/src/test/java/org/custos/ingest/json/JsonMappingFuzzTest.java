package org.custos.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.custos.core.event.Event;

/**
 * Fuzz test of the OCSF and ECS mappings: records shaped like OCSF or ECS events with fuzzed values either become
 * an event or are refused with a one-line {@link MappingException} (never another exception), and every event
 * round-trips through both writers to the same event.
 *
 * <p>In a normal build this runs once per seed in {@code src/test/resources/.../JsonMappingFuzzTestInputs/}. To
 * fuzz for longer: {@code JAZZER_FUZZ=1 ./mvnw -pl ingest -am test -Dtest='JsonMappingFuzzTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class JsonMappingFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "5m")
    void mapsOrRefusesAnyRecord(FuzzedDataProvider data) throws Exception {
        boolean ocsf = data.consumeBoolean();
        ObjectNode r = JSON.createObjectNode();
        if (ocsf) {
            r.put("class_uid", data.pickValue(new int[] {1001, 3002, 4001, 4002, 4009, data.consumeInt()}));
            r.put("activity_id", data.consumeInt(-1, 100));
            r.put("activity_name", data.consumeBoolean() ? "Copy" : data.consumeString(8));
            r.put("time", data.consumeLong(-10_000_000_000_000L, 10_000_000_000_000L));
            put(r, "metadata.uid", data, 12);
            put(r, "actor.user.name", data, 12);
            put(r, "user.name", data, 12);
            put(r, "device.hostname", data, 12);
            put(r, "file.path", data, 30);
            put(r, "http_request.url.url_string", data, 40);
            put(r, "email.from", data, 20);
            flag(r, "unmapped", "to_removable_media", data);
            flag(r, "unmapped", "from_removable_media", data);
            if (data.consumeBoolean()) {
                r.withObject("/email").put("size", data.consumeLong());
            }
            list(r.withObject("/email").putArray("to"), data);
            list(r.withObject("/unmapped").putArray("attachments"), data);
            if (data.consumeBoolean()) {
                r.putObject("file").put("name", data.consumeString(10));
            }
        } else {
            r.put("@timestamp", data.consumeBoolean() ? "2010-01-0" + data.consumeInt(1, 9) + "T08:00:00Z"
                    : data.consumeString(30));
            put(r, "event.id", data, 12);
            put(r, "user.name", data, 12);
            put(r, "host.name", data, 12);
            r.withObject("/event").putArray("category").add(data.pickValue(new String[] {"authentication", "file",
                "web", "network", "email", "host", "process", data.consumeString(10)}));
            r.withObject("/event").putArray("type").add(data.pickValue(new String[] {"start", "end", "access",
                "creation", "change", "deletion", data.consumeString(6)}));
            r.withObject("/event").put("action", data.pickValue(new String[] {"copy", "download", "send",
                "receive", "device-connected", "device-disconnected", "logged-in", data.consumeString(10)}));
            put(r, "file.path", data, 30);
            put(r, "url.full", data, 40);
            r.withObject("/http").withObject("/request").put("method", data.pickValue(new String[] {"GET", "POST",
                "put", data.consumeString(5)}));
            list(r.withObject("/email").withObject("/to").putArray("address"), data);
            flag(r, "labels", "remote", data);
            flag(r, "labels", "to_removable_media", data);
            if (data.consumeBoolean()) {
                r.withObject("/labels").put("size", data.consumeString(6));
            }
        }
        Event event;
        try {
            event = (ocsf ? JsonFormat.OCSF : JsonFormat.ECS).read(JSON.readTree(JSON.writeValueAsString(r)));
        } catch (MappingException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        JsonNode viaOcsf = JSON.readTree(JSON.writeValueAsString(OcsfMapping.write(event)));
        JsonNode viaEcs = JSON.readTree(JSON.writeValueAsString(EcsMapping.write(event)));
        assertThat(OcsfMapping.read(viaOcsf)).isEqualTo(event);
        assertThat(EcsMapping.read(viaEcs)).isEqualTo(event);
    }

    private static void put(ObjectNode r, String path, FuzzedDataProvider data, int length) {
        if (data.consumeBoolean()) {
            Fields.put(r, path, data.consumeString(length));
        }
    }

    private static void flag(ObjectNode r, String object, String name, FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> r.withObject("/" + object).put(name, true);
            case 1 -> r.withObject("/" + object).put(name, "false");
            case 2 -> r.withObject("/" + object).put(name, data.consumeString(4));
            default -> { }
        }
    }

    private static void list(ArrayNode array, FuzzedDataProvider data) {
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            array.add(data.consumeString(15));
        }
    }
}
