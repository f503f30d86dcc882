package org.custos.material.assess;

import java.util.List;

/**
 * An Assessment is the result of comparing suspect files with the registry: one entry per suspect document.
 *
 * @param files the suspect documents, in input order
 */
public record Assessment(List<FileAssessment> files) {
}
