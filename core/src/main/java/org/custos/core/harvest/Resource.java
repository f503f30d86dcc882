package org.custos.core.harvest;

/**
 * A Resource is one thing a public web site serves, as a harvest analysis classifies it.
 *
 * @param id its dense id within one analysis
 * @param name how it is named in reports: the path, plus the query for documents served by query
 * @param kind what it is
 * @param area the dense id of its research area
 */
record Resource(int id, String name, Kind kind, int area) {

    /** What a resource is. */
    enum Kind { DOCUMENT, PAGE, ASSET, ROBOTS }
}
