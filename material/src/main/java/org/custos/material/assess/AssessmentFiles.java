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
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), assessment);
    }
}
