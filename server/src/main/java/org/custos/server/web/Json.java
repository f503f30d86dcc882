package org.custos.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/**
 * Json writes API answers and reads API request bodies; a body that is not JSON, or not the expected shape, is a
 * 400 with the parser's position, never a stack trace.
 */
public final class Json {

    /** The shared mapper: ISO-8601 times, unknown properties refused. */
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Sends the value as JSON with the given status. */
    public static void send(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer: " + e.getOriginalMessage(), e);
        }
    }

    /** Sends the value as JSON with status 200. */
    public static void ok(Context ctx, Object value) {
        send(ctx, 200, value);
    }

    /** The request body as a JSON object; 415 unless the content type is JSON, 400 unless the body is an object. */
    public static JsonNode object(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "expected Content-Type application/json, got "
                    + (type == null ? "none" : type));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("malformed JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + ": "
                    + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw HttpProblem.badRequest("unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw HttpProblem.badRequest("expected a JSON object");
        }
        return node;
    }

    /** A required text field of a JSON object; 400 naming the field when missing or not text. */
    public static String text(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || !v.isTextual()) {
            throw HttpProblem.badRequest("field '" + field + "' is required and must be a string");
        }
        return v.asText();
    }

    /** An optional text field; empty string when absent; 400 when present and not text. */
    public static String optionalText(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw HttpProblem.badRequest("field '" + field + "' must be a string");
        }
        return v.asText();
    }
}
