package org.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AttachedReports recognizes Custos' own reports among a case's file evidence and summarizes them for the case
 * report: an assessment ({@code custos assess --report}, docs/assessment-format.md) becomes one line per suspect
 * file; a mark trace becomes one line per recipient it names.
 */
final class AttachedReports {

    /*
     * An assessment is a JSON object whose "files" array holds objects with a "status". A trace is any other JSON
     * document in which some object has a "recipient" field; each such object is summarized by its scalar fields,
     * so the summary stays correct when the trace format gains fields. Anything else is left alone.
     */

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttachedReports() {
    }

    /** The assessment summary of a piece of evidence, when its bytes are an assessment report. */
    static Optional<CaseReport.AssessmentSummary> assessment(String evidenceId, String name, byte[] bytes) {
        JsonNode root = parse(name, bytes);
        if (root == null || !root.path("files").isArray() || root.path("files").isEmpty()
                || !root.path("files").get(0).has("status")) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode f : root.path("files")) {
            StringBuilder line = new StringBuilder(f.path("path").asText("?")).append(": ");
            String verdict = f.path("verdict").asText("");
            if (!verdict.isEmpty()) {
                line.append(verdict);
            } else if ("assessed".equals(f.path("status").asText())) {
                line.append(f.path("highestLevel").isNull() || f.path("highestLevel").isMissingNode()
                        ? "no registered material" : "highest level " + f.path("highestLevel").asText());
            } else {
                line.append("not assessed: ").append(f.path("reason").asText(""));
            }
            List<String> items = new ArrayList<>();
            for (JsonNode m : f.path("matches")) {
                String item = m.path("item").asText() + " " + m.path("itemName").asText() + " ("
                        + m.path("level").asText() + ")";
                if (!items.contains(item)) {
                    items.add(item);
                }
            }
            if (!items.isEmpty()) {
                line.append(" - ").append(String.join("; ", items));
            }
            lines.add(line.toString());
        }
        JsonNode overall = root.path("candidateSourcesOverall");
        if (overall.isArray()) {
            lines.add("people who had access to every item matched: " + overall.size());
        }
        return Optional.of(new CaseReport.AssessmentSummary(evidenceId, name, lines));
    }

    /** The trace summary of a piece of evidence, when its bytes are a JSON document naming recipients. */
    static Optional<CaseReport.TraceSummary> trace(String evidenceId, String name, byte[] bytes) {
        JsonNode root = parse(name, bytes);
        if (root == null) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        collect(root, lines);
        return lines.isEmpty() ? Optional.empty() : Optional.of(new CaseReport.TraceSummary(evidenceId, name, lines));
    }

    private static void collect(JsonNode node, List<String> lines) {
        if (node.isObject()) {
            if (node.has("recipient")) {
                List<String> parts = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                        parts.add(e.getKey() + " " + e.getValue().asText());
                    }
                }
                lines.add(String.join(", ", parts));
                return;
            }
            node.elements().forEachRemaining(child -> collect(child, lines));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, lines));
        }
    }

    private static JsonNode parse(String name, byte[] bytes) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".json") || bytes.length == 0 || bytes.length > 64 * 1024 * 1024) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
