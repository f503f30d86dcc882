package org.custos.material.fingerprint;

/**
 * A Fingerprint is one selected k-gram hash of a text and the token position where its k-gram starts.
 *
 * @param hash the 64-bit hash of the k tokens
 * @param position the index of the k-gram's first token in the text's {@link org.custos.material.text.TokenizedText}
 */
public record Fingerprint(long hash, int position) {
}
