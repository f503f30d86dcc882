package org.custos.material.extract;

/** An Extraction is the outcome of reading one document: its text, or the reason it could not be read. */
public sealed interface Extraction permits ExtractedText, ExtractionFailure {

    /** The document's path as shown to users; members of archives as {@code archive.zip!/member}. */
    String path();
}
