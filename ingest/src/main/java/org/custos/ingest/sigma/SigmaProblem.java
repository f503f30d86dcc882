package org.custos.ingest.sigma;

/**
 * A SigmaProblem is one thing wrong with one Sigma rule, with its place.
 *
 * @param file the rule file, as given
 * @param line the 1-based line of the offending node
 * @param field the dotted field path ({@code detection.selection.TargetFilename|base64})
 * @param message what is wrong and what was expected
 */
public record SigmaProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
