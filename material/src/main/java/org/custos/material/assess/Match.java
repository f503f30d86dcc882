package org.custos.material.assess;

/**
 * A Match is one passage of a suspect file found in a registered item, as code-point spans (end exclusive) in the
 * suspect's extracted text and in the item's text.
 *
 * @param item the item's id
 * @param itemName the item's file name
 * @param level the item's classification level id
 * @param suspectStart where the passage starts in the suspect text
 * @param suspectEnd where it ends in the suspect text (exclusive)
 * @param itemStart where it starts in the item's text
 * @param itemEnd where it ends in the item's text (exclusive)
 * @param tokens how many suspect tokens the passage spans
 * @param itemCoverage the share of the item's text the passage covers, 0 to 1
 */
public record Match(String item, String itemName, String level, int suspectStart, int suspectEnd, int itemStart,
        int itemEnd, int tokens, double itemCoverage) {
}
