package org.custos.cli.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.custos.cli.UsageException;

/** ReportFiles reads and writes report documents as JSON. */
public final class ReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportFiles() {
    }

    /** Writes a report, creating parent directories. */
    public static void write(Report report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), report);
    }

    /** Reads a report, or throws a one-line {@link UsageException} naming the file. */
    public static Report read(Path file) {
        try {
            Report report = JSON.readValue(file.toFile(), Report.class);
            if (report.people() == null) {
                throw new UsageException(file + ": not a Custos report (no \"people\" field)");
            }
            return report;
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new UsageException(file + ": no such file");
            }
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UsageException(file + ": not a readable Custos report: " + msg);
        }
    }

    /** The shared JSON mapper. */
    public static ObjectMapper json() {
        return JSON;
    }
}
