package org.custos.report.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custos.core.text.OneLine;

/**
 * ReferencePacks reads reference packs: the built-in one ({@value #BUILT_IN}) or a JSON file in the same format
 * (docs/cases.md). A pack is checked whole and every problem is reported at once, each naming its field.
 */
public final class ReferencePacks {

    /** The id of the pack that ships with Custos: the provisions the three source cases cite. */
    public static final String BUILT_IN = "prc-state-secrets";

    /** The only pack format this version reads. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferencePacks() {
    }

    /** The pack that ships with Custos. */
    public static ReferencePack builtIn() {
        String resource = "/org/custos/references/" + BUILT_IN + ".json";
        try (InputStream in = ReferencePacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in reference pack missing from the jar: " + resource);
            }
            return parse(BUILT_IN + ".json", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pack {@code spec} names: the built-in id, or a path to a JSON file.
     *
     * @throws ReferencePackException naming the file and every problem in it
     */
    public static ReferencePack load(String spec) {
        if (BUILT_IN.equals(spec)) {
            return builtIn();
        }
        Path file = Path.of(spec);
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ReferencePackException(spec + ": no such file (give a reference pack JSON file or '"
                    + BUILT_IN + "')");
        } catch (IOException e) {
            throw new ReferencePackException(spec + ": unreadable: " + e.getMessage());
        }
    }

    /** Parses and checks a pack; {@code name} names it in messages. */
    static ReferencePack parse(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ReferencePackException(name + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ReferencePackException(name + ": unreadable: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ReferencePackException(name + ": a reference pack is a JSON object with \"references\"");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isInt() || format.asInt() != FORMAT) {
            problems.add("format: expected " + FORMAT + ", found " + (format == null ? "nothing" : format));
        }
        String id = text(root, "id", "id", problems);
        String title = text(root, "title", "title", problems);
        String jurisdiction = optional(root, "jurisdiction");
        String source = optional(root, "source");
        String notice = optional(root, "notice");
        checkWords("notice", notice, problems);
        List<Reference> references = new ArrayList<>();
        JsonNode list = root.get("references");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("references: expected a non-empty array");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "references[" + i + "]";
                JsonNode r = list.get(i);
                if (!r.isObject()) {
                    problems.add(at + ": expected an object");
                    continue;
                }
                String rid = text(r, "id", at + ".id", problems);
                if (rid != null && !ids.add(rid)) {
                    problems.add(at + ".id: '" + OneLine.shown(rid) + "' is used twice");
                }
                String law = text(r, "law", at + ".law", problems);
                String article = text(r, "article", at + ".article", problems);
                String rtitle = text(r, "title", at + ".title", problems);
                String summary = text(r, "summary", at + ".summary", problems);
                checkWords(at + ".title", rtitle, problems);
                checkWords(at + ".summary", summary, problems);
                List<String> topics = new ArrayList<>();
                JsonNode t = r.get("topics");
                if (t != null && !t.isNull()) {
                    if (!t.isArray()) {
                        problems.add(at + ".topics: expected an array of strings");
                    } else {
                        t.forEach(topic -> topics.add(topic.asText()));
                        checkWords(at + ".topics", String.join(", ", topics), problems);
                    }
                }
                references.add(new Reference(rid, law, article, rtitle, summary, topics));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReferencePackException(name + ": not a valid reference pack:\n  "
                    + String.join("\n  ", problems));
        }
        return new ReferencePack(id, title, jurisdiction, source, notice, references);
    }

    private static String text(JsonNode node, String field, String at, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(at + ": expected a non-empty string");
            return null;
        }
        return v.asText().strip();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }

    private static void checkWords(String at, String text, List<String> problems) {
        if (text == null) {
            return;
        }
        List<String> found = SentencingLanguage.find(text);
        if (!found.isEmpty()) {
            problems.add(at + ": states a punishment (" + String.join(", ", found)
                    + "); references describe conduct only, Custos never proposes a sentence");
        }
    }
}
