/**
 * The tamper-evident audit log: every action and every view appended to an RFC 9162 Merkle tree with Ed25519 signed
 * tree heads, inclusion and consistency proofs, and a verification that replays the whole log. Start at
 * {@link org.custos.store.audit.AuditLog}; the format is in docs/audit-log.md.
 */
package org.custos.store.audit;
