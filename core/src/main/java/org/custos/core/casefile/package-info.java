/**
 * Cases the security office works on: a case file with its subjects, status, assignee, notes and evidence. Pure
 * domain values; the {@code store} module persists them and the audit log records every change.
 */
package org.custos.core.casefile;
