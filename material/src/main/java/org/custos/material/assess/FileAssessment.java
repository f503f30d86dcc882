package org.custos.material.assess;

import java.util.List;

/**
 * A FileAssessment is what assessment found in one suspect document.
 *
 * @param path the document's path ({@code archive.zip!/member} inside archives)
 * @param status {@code assessed} or {@code not-assessed}
 * @param reason why it was not assessed, or null
 * @param highestLevel the highest level among the matched items, or null when nothing matched
 * @param verdict one sentence for a reader
 * @param coverage the share of the suspect text inside some match, 0 to 1 (0 when not assessed)
 * @param matches the matched passages, by suspect position
 */
public record FileAssessment(String path, String status, String reason, String highestLevel, String verdict,
        double coverage, List<Match> matches) {

    /** The status of a file whose text was read and compared. */
    public static final String ASSESSED = "assessed";
    /** The status of a file that could not be read. */
    public static final String NOT_ASSESSED = "not-assessed";

    /** A file that could not be read, with the reason. */
    static FileAssessment notAssessed(String path, String reason) {
        return new FileAssessment(path, NOT_ASSESSED, reason, null, "not assessed: " + reason, 0, List.of());
    }
}
