/**
 * The {@link org.custos.store.Store} port: where Custos keeps the organization over time, events, daily scores,
 * alerts, cases, evidence, accounts, the material registry and the custody ledger; its embedded and PostgreSQL
 * adapters and their schema migrations. The Merkle audit log lives in {@code org.custos.store.audit}.
 */
package org.custos.store;
