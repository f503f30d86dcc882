package org.custos.material.registry;

/**
 * An ItemSummary is a registered item's metadata, as listed in the registry's index.
 *
 * @param id the item's id: the first 12 hex digits of the SHA-256 of its bytes
 * @param name the item's file name
 * @param source where it was registered from
 * @param level the classification level's id
 * @param project the project (compartment), or null
 * @param owner the owner, or null
 * @param chars the length of its extracted text in code points
 */
public record ItemSummary(String id, String name, String source, String level, String project, String owner,
        int chars) {
}
