package org.custos.report.reference;

import java.util.List;

/**
 * A ReferencePack is a named set of legal provisions that case reports can list as references: for example the PRC
 * provisions on espionage and state secrets that ship with Custos, or an organization's own pack.
 *
 * @param id the pack's id
 * @param title its title
 * @param jurisdiction where its laws apply
 * @param source where the selection comes from
 * @param notice what the references are for, shown above them in reports
 * @param references the provisions, in the pack's order
 */
public record ReferencePack(String id, String title, String jurisdiction, String source, String notice,
        List<Reference> references) {

    /** Copies the references. */
    public ReferencePack {
        references = List.copyOf(references);
    }
}
