package org.custos.report.reference;

import java.util.List;

/**
 * A Reference is one legal provision a case report may list for orientation: which law, which article, and a short
 * neutral summary of the conduct it concerns. It never carries a sentence or a penalty.
 *
 * @param id a stable id within its pack (e.g. {@code prc-criminal-law-111})
 * @param law the law's full name
 * @param article the article, as the law numbers it (e.g. {@code Article 111})
 * @param title a short title of what the provision is about
 * @param summary what conduct the provision concerns, in neutral words
 * @param topics keywords for the reader
 */
public record Reference(String id, String law, String article, String title, String summary, List<String> topics) {

    /** Copies the topics. */
    public Reference {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
