package org.custos.material.extract;

/**
 * An ExtractionFailure is a document whose text could not be read, with the reason in one line.
 *
 * @param path the document's path as shown to users
 * @param reason why it could not be read ({@code encrypted or password-protected}, {@code corrupt: ...})
 */
public record ExtractionFailure(String path, String reason) implements Extraction {
}
