package org.custos.core.harvest;

/**
 * An AreaShare is how much of one research area a client took.
 *
 * @param area the area, as the leading folders of its documents' paths ({@code /publications/photonics})
 * @param taken distinct documents of the area the client took
 * @param known distinct documents of the area that any visitor fetched in the analysed logs
 */
public record AreaShare(String area, int taken, int known) {

    /** The share of the area's known documents the client took, 0-1. */
    public double share() {
        return known == 0 ? 0 : (double) taken / known;
    }
}
