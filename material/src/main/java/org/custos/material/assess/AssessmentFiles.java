package org.custos.material.assess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** AssessmentFiles writes an assessment as {@code assessment.json} (docs/assessment-format.md). */
public final class AssessmentFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AssessmentFiles() {
    }

    /** Writes an assessment as JSON, creating parent directories; null fields are written as {@code null}. */
    public static void write(Assessment assessment, Path file) throws IOException {
        write(assessment, java.util.Map.of(), file);
    }

    /**
     * Writes an assessment as JSON with extra top-level fields after {@code files} (for example the candidate
     * sources, which need the activity logs the material module does not read).
     */
    public static void write(Assessment assessment, java.util.Map<String, Object> extra, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        com.fasterxml.jackson.databind.node.ObjectNode tree = JSON.valueToTree(assessment);
        new java.util.TreeMap<>(extra).forEach((name, value) -> tree.set(name, JSON.valueToTree(value)));
        JSON.writeValue(file.toFile(), tree);
    }
}
