/**
 * Pseudonymization: stable keyed pseudonyms for the people whose data Custos holds, so that logs, lists and
 * exports name a person only by a code that a holder of the data directory's secret can match to a known id.
 */
package org.custos.store.privacy;
