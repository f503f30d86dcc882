/**
 * Store port, embedded and PostgreSQL adapters, migrations, and the Merkle audit log.
 */
package org.custos.store;
