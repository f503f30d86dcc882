package org.custos.material.extract;

/**
 * An ExtractedText is the text read from one document, kept exactly as extracted so offsets refer to it.
 *
 * @param path the document's path as shown to users
 * @param name the document's file name
 * @param sha256 the SHA-256 of the document's bytes, lower-case hex
 * @param method how the text was read: {@code text}, {@code tika}, {@code pdf}, {@code pdf+ocr} or {@code ocr}
 * @param text the extracted text
 */
public record ExtractedText(String path, String name, String sha256, String method, String text)
        implements Extraction {
}
