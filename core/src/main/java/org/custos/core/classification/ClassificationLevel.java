package org.custos.core.classification;

import java.util.Objects;

/**
 * A ClassificationLevel is one rung of a classification scheme.
 *
 * @param id the stable id used in files and commands ({@code confidential})
 * @param name the English name ({@code Confidential})
 * @param nativeName the name in the scheme's own language ({@code 机密}); equal to {@code name} when there is none
 * @param rank the order of the level in its scheme, 1 the lowest
 */
public record ClassificationLevel(String id, String name, String nativeName, int rank) {

    /** Checks the fields. */
    public ClassificationLevel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        nativeName = nativeName == null || nativeName.isBlank() ? name : nativeName;
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank + " for level " + id);
        }
    }
}
