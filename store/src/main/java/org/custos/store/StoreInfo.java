package org.custos.store;

/**
 * StoreInfo says what a store is.
 *
 * @param kind {@code embedded} or {@code postgresql}
 * @param location the data directory, or the JDBC URL without credentials
 * @param schemaVersion the schema version the store is at (the latest this build knows)
 */
public record StoreInfo(String kind, String location, int schemaVersion) {
}
