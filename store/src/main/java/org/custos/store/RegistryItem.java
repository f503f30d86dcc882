package org.custos.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A RegistryItem is the metadata of one registered piece of classified material.
 *
 * @param id the item id
 * @param name the item's name (its file name when registered from a file)
 * @param level the classification level id in the configured scheme
 * @param project the project (compartment) it belongs to; empty when none
 * @param owner the account or office responsible for it
 * @param sha256 lower-case hex SHA-256 of the registered file
 * @param registeredAt when it was registered
 */
public record RegistryItem(String id, String name, String level, String project, String owner, String sha256,
                           Instant registeredAt) {

    /** Checks the fields. */
    public RegistryItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        project = project == null ? "" : project;
        owner = owner == null ? "" : owner;
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("registry item " + id + ": sha256 must be 64 lower-case hex digits");
        }
    }
}
