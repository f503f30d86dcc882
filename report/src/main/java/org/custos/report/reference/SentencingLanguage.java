package org.custos.report.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SentencingLanguage finds words that state, propose or quantify a punishment (a sentence, imprisonment, a fine, a
 * detention) in English or Chinese. Custos lists legal provisions as references only and never proposes a sentence,
 * so reference packs may not contain such words, and the case report is tested against them.
 */
public final class SentencingLanguage {

    /*
     * The patterns name punishments and their measures, not the ideas of liability or of a provision: "administrative
     * liability" and "criminal law" are allowed, "five years' imprisonment", "a fine of", "sentenced" are not.
     */
    private static final Pattern PUNISHMENT = Pattern.compile(String.join("|",
            "\\bsentenc(?:e|ed|es|ing)\\b",
            "\\bimprison\\w*",
            "\\bprison\\b",
            "\\bjail\\w*",
            "\\bdetention\\b",
            "\\bdetained\\b",
            "\\bfined?\\s+(?:of|up\\s+to|not\\s+(?:more|less)|between)\\b",
            "\\bfines\\b",
            "\\bdeath\\s+penalty\\b",
            "\\bexecution\\b",
            "\\bpolitical\\s+rights\\b",
            "\\bconfiscat\\w*",
            "\\bprobation\\b",
            "\\bpunish\\w*",
            "\\b(?:years?|months?)\\s+(?:of|in)\\s+(?:custody|jail|prison)",
            "\\brecommend\\w*\\s+(?:a\\s+|the\\s+)?(?:penalty|punishment|sanction)",
            "\\bproposed?\\s+(?:a\\s+|the\\s+)?(?:penalty|punishment|sanction)",
            "有期徒刑", "无期徒刑", "死刑", "拘役", "罚款", "罚金", "判处", "判刑", "剥夺政治权利", "拘留", "没收",
            "缓刑"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SentencingLanguage() {
    }

    /** The sentencing words found in {@code text}, in order of appearance (empty when there are none). */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PUNISHMENT.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
