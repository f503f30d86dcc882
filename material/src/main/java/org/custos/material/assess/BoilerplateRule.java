package org.custos.material.assess;

/**
 * A BoilerplateRule decides which k-grams are boilerplate (banners, headers, legal footers): those present in at
 * least {@code max(minItems, ceil(fraction * items))} registered items. Boilerplate never seeds a match, and never
 * makes one by itself.
 *
 * @param minItems the fewest items a k-gram must be in to count as boilerplate
 * @param fraction the share of all items a k-gram must be in to count as boilerplate
 */
public record BoilerplateRule(int minItems, double fraction) {

    /** The default: present in at least 3 items and at least 1 % of them. */
    public static final BoilerplateRule DEFAULT = new BoilerplateRule(3, 0.01);

    /** Checks the values. */
    public BoilerplateRule {
        if (minItems < 2 || fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("boilerplate rule needs minItems >= 2 and 0 <= fraction <= 1, was "
                    + minItems + ", " + fraction);
        }
    }

    /** The number of items from which a fingerprint is boilerplate, in a registry of {@code items} items. */
    public int threshold(int items) {
        return Math.max(minItems, (int) Math.ceil(fraction * items));
    }
}
