package org.custos.ingest;

import java.nio.file.Path;
import org.custos.ingest.json.JsonFormat;

/**
 * A JsonSource is a JSON-lines event file found when a directory was opened, with the format its first record
 * showed (or the one {@code --format} imposed).
 *
 * @param path where the file is
 * @param name its name relative to the directory
 * @param format OCSF or ECS
 * @param bytes its size when opened
 */
record JsonSource(Path path, String name, JsonFormat format, long bytes) {
}
