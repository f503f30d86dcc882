package org.custos.simulator;

/**
 * A Document is a file a person works with: its Windows path, its file name, its extension, the content text
 * CERT's {@code file.csv} carries for it (hex magic, then words), its size in bytes, and its project (null for
 * ordinary work files).
 */
record Document(String path, String fileName, String extension, String content, int size, Project project) {
}
