package org.custos.material.mark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variants are the groups of interchangeable English words a marked copy chooses among: spelling variants
 * (organise / organize, colour / color, centre / center, cancelled / canceled, …) and near-synonyms that fit every
 * context the other fits (often / frequently, therefore / thus / hence, …). Every form is one token, and no form is
 * in two groups, so that a text can be put in a canonical form (each form replaced by its group) whatever variant
 * a copy used.
 *
 * <p>Version 3 adds guarded Chinese (Simplified) pairs of two Han characters each (账户/帐户, 例如/比如, 以后/之后,
 * …), read as one token by {@link Tokens} and made sites only where {@link Canary}'s character guards allow.
 *
 * <p>Version 4 adds Chinese groups of one to four characters (和/与, 但是/但/可是/不过, 认真地/认真, …), made
 * sites only where a word segmenter and the group's guard allow (ADR 0015).
 *
 * <p>Version 6 gives eleven Chinese groups a third form (以后/之后/后, 按照/依照/按, 导致/造成/引起, …) and adds
 * 经/经过, 对/对于 and 经常/常常; a group that gains forms is a new group from that version on, and older versions
 * keep the group as it was ({@link Group#until()}, ADR 0016).
 *
 * <p>Words with other parts of speech (a noun that is also a verb, "while" as a noun) are left out: every
 * occurrence of a listed form must accept every other form of its group.
 */
final class Variants {

    private static final String[] IZE_STEMS = {"organ", "recogn", "real", "author", "emphas", "util", "minim",
        "maxim", "prioriti", "categor", "character", "summar", "standard", "optim", "special", "general", "final",
        "normal", "central", "local", "global", "critic", "apolog", "memor", "visual", "harmon", "synchron",
        "stabil", "mobil", "neutral", "capital", "legal", "formal", "modern", "custom", "initial", "penal",
        "subsid", "symbol", "jeopard", "computer", "digit", "monet", "commercial", "industrial", "internal",
        "personal", "prioritis", "scrutin", "sensit", "sanit", "random", "serial", "tokenis", "agon", "familiar"};
    private static final String[] IZE_ENDINGS = {"e", "es", "ed", "ing", "ation", "ations", "er", "ers"};
    private static final String[][] PAIRS_WITH_ENDINGS = {
        // British, American, endings
        {"analys", "analyz", "e|es|ed|ing"}, {"paralys", "paralyz", "e|es|ed|ing"},
        {"colour", "color", "|s|ed|ing|ful"}, {"behaviour", "behavior", "|s|al"}, {"favour", "favor", "|s|ed|ing|able"},
        {"honour", "honor", "|s|ed|ing|able"}, {"labour", "labor", "|s|ed|ing"}, {"neighbour", "neighbor", "|s|ing|hood"},
        {"harbour", "harbor", "|s|ed|ing"}, {"rumour", "rumor", "|s|ed"}, {"vigour", "vigor", ""},
        {"endeavour", "endeavor", "|s|ed|ing"}, {"armour", "armor", "|ed"}, {"humour", "humor", ""},
        {"centre", "center", "|s|d"}, {"metre", "meter", "|s"}, {"theatre", "theater", "|s"}, {"fibre", "fiber", "|s"},
        {"litre", "liter", "|s"}, {"calibre", "caliber", ""}, {"spectre", "specter", ""},
        {"cancell", "cancel", "ed|ing"}, {"travell", "travel", "ed|ing|er|ers"}, {"labell", "label", "ed|ing"},
        {"modell", "model", "ed|ing"}, {"signall", "signal", "ed|ing"}, {"fuell", "fuel", "ed|ing"},
        {"counsell", "counsel", "ed|ing|or|ors"}, {"totall", "total", "ed|ing"}, {"levell", "level", "ed|ing"},
        {"channell", "channel", "ed|ing"}, {"marvell", "marvel", "ed|ing|ous"}, {"quarrell", "quarrel", "ed|ing"},
        {"focuss", "focus", "ed|ing"}, {"benefitt", "benefit", "ed|ing"},
        {"judgement", "judgment", "|s"}, {"acknowledgement", "acknowledgment", "|s"},
        {"catalogue", "catalog", "|s"}, {"analogue", "analog", "|s"}, {"grey", "gray", "|s|ish"},
        {"defence", "defense", "|s|less"}, {"offence", "offense", "|s"}, {"pretence", "pretense", ""},
        {"enrolment", "enrollment", "|s"}, {"fulfilment", "fulfillment", ""}, {"instalment", "installment", "|s"},
        {"skilful", "skillful", "|ly"}, {"wilful", "willful", "|ly"}, {"manoeuvre", "maneuver", "|s|d"},
        {"sceptic", "skeptic", "|s|al|ism"}, {"mould", "mold", "|s|ed|ing"},
        {"co-operat", "cooperat", "e|es|ed|ing|ion|ive"}, {"co-ordinat", "coordinat", "e|es|ed|ing|ion|or|ors"},
        {"re-us", "reus", "e|es|ed|ing|able"}, {"e-mail", "email", "|s|ed|ing"}, {"on-line", "online", ""},
        {"ageing", "aging", ""}, {"towards", "toward", ""}, {"amongst", "among", ""}, {"amidst", "amid", ""},
        {"afterwards", "afterward", ""}, {"learnt", "learned", ""}, {"spelt", "spelled", ""},
        {"burnt", "burned", ""}, {"dreamt", "dreamed", ""}, {"leapt", "leaped", ""},
    };
    private static final String[][] SYNONYMS = {
        {"often", "frequently"}, {"almost", "nearly"}, {"perhaps", "possibly"},
        {"therefore", "thus", "hence", "consequently"}, {"usually", "normally", "typically", "generally"},
        {"mainly", "mostly", "chiefly", "primarily", "largely"}, {"quickly", "rapidly", "swiftly"},
        {"furthermore", "moreover", "additionally"}, {"approximately", "roughly"},
        {"especially", "particularly"}, {"completely", "entirely", "fully", "totally"},
        {"clearly", "obviously", "evidently"}, {"rarely", "seldom"}, {"exactly", "precisely"},
        {"significantly", "substantially", "considerably"}, {"simply", "merely"}, {"previously", "formerly"},
        {"subsequently", "afterwards"}, {"regularly", "routinely"}, {"certainly", "definitely", "surely"},
        {"apparently", "seemingly"}, {"eventually", "ultimately"}, {"currently", "presently"},
        {"immediately", "promptly"}, {"sufficient", "adequate"},
        {"essential", "vital", "crucial"}, {"appropriate", "suitable"}, {"accurate", "precise"},
        {"obtain", "acquire"}, {"obtains", "acquires"}, {"obtained", "acquired"}, {"obtaining", "acquiring"},
        {"modify", "alter"}, {"modifies", "alters"}, {"modified", "altered"}, {"modifying", "altering"},
        {"verify", "confirm"}, {"verifies", "confirms"}, {"verified", "confirmed"}, {"verifying", "confirming"},
        {"assess", "evaluate"}, {"assesses", "evaluates"}, {"assessed", "evaluated"}, {"assessing", "evaluating"},
        {"examine", "inspect"}, {"examines", "inspects"}, {"examined", "inspected"}, {"examining", "inspecting"},
        {"cannot", "can't"}, {"until", "till"},
    };

    /**
     * Guarded groups: forms that are interchangeable only in some places. Every occurrence of a form takes the
     * group's canonical symbol, but only occurrences that pass the group's guard (in {@link Canary}) are sites.
     */
    private static final String[][] GUARDED = {
        {"which", "that"}, {"because", "since"}, {"although", "though"}, {"upon", "on"},
        {"however", "nevertheless", "nonetheless"}, {"each", "every"}, {"whether", "if"},
        {"allow", "enable"}, {"allows", "enables"}, {"allowed", "enabled"}, {"allowing", "enabling"},
        {"requires", "needs"}, {"required", "needed"}, {"begins", "starts"}, {"began", "started"},
        {"attempts", "tries"}, {"additional", "further"}, {"provided", "providing"},
        {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"}, {"eight", "8"},
        {"nine", "9"}, {"include", "contain"}, {"includes", "contains"}, {"included", "contained"},
        {"entire", "whole"}, {"particular", "specific"},
    };

    /** Version 2: more -ise/-ize stems (every form neither a word of its own nor -ise only). */
    private static final String[] IZE_STEMS_2 = {"legitim", "hospital", "individual", "item", "liberal", "mechan",
        "national", "natural", "privat", "public", "rational", "steril", "systemat", "theor", "urban", "anonym",
        "pseudonym", "parameter", "container", "virtual", "deserial", "decentral", "international", "external",
        "equal", "econom", "fertil", "ideal", "immun", "modular", "popular", "moral", "polar", "revolution",
        "sympath", "terror", "trivial", "vocal", "western", "civil", "dramat", "energ", "fossil", "hypothes",
        "metabol", "militar", "stigmat", "victim", "oxid", "canon", "scandal", "motor", "vandal", "magnet",
        "miniatur", "regular", "vulgar", "tantal", "underutil", "reorgan", "unauthor",
        "unrecogn", "desensit", "destabil", "demobil", "demoral", "criminal", "commodit", "contextual",
        "conceptual", "operational", "institutional", "professional", "cannibal", "colon", "crystal"};
    /** Version 2: endings added for every -ise/-ize stem. */
    private static final String[] IZE_ENDINGS_2 = {"able", "ational", "ationally"};
    /** Version 2: spelling pairs. */
    private static final String[][] PAIRS_2 = {
        {"fulfil", "fulfill"}, {"fulfils", "fulfills"}, {"enrol", "enroll"}, {"enrols", "enrolls"},
        {"instil", "instill"}, {"distil", "distill"}, {"whilst", "while"}, {"worldwide", "world-wide"}, {"licence", "license"}, {"licences", "licenses"},
        {"anyone", "anybody"}, {"everyone", "everybody"}, {"someone", "somebody"}, {"expressly", "explicitly"},
        {"prohibited", "forbidden"}, {"readily", "easily"}, {"solely", "exclusively"}, {"sufficiently", "adequately"},
        {"despite", "in spite of"}, {"as long as", "so long as"}, {"for example", "for instance"},
        {"in order to", "so as to"},
        {"with respect to", "with regard to", "regarding", "concerning"}, {"prior to", "before"},
        {"do not", "don't"}, {"does not", "doesn't"}, {"did not", "didn't"}, {"is not", "isn't"},
        {"are not", "aren't"}, {"was not", "wasn't"}, {"were not", "weren't"}, {"has not", "hasn't"},
        {"have not", "haven't"}, {"had not", "hadn't"}, {"would not", "wouldn't"}, {"should not", "shouldn't"},
        {"could not", "couldn't"}, {"will not", "won't"}, {"ten", "10"},
    };
    /** Version 2: the groups of {@link #PAIRS_2} whose forms are interchangeable only in some places. */
    private static final Set<String> GUARDED_2 = Set.of("whilst", "licence", "licences", "regarding", "prior to",
            "ten", "readily", "as long as");

    /**
     * Version 3: Chinese (Simplified) pairs, each form two Han characters, all guarded (in {@link Canary}) by the
     * characters around them so that no choice joins a character of a neighbouring word (there is no segmenter).
     */
    private static final String[][] CHINESE_3 = {
        {"账户", "帐户"}, {"账号", "帐号"}, {"唯一", "惟一"}, {"例如", "比如"}, {"因此", "因而"}, {"立即", "立刻"},
        {"仍然", "依然"}, {"按照", "依照"}, {"即使", "即便"}, {"以后", "之后"}, {"以前", "之前"},
    };

    /**
     * Version 4: Chinese (Simplified) groups of one to four Han characters. Each is a site only where ICU's
     * segmenter reads the form, and every other form in its place, as a word of its own and the words around it
     * unchanged, and where the group's guard in {@link Canary} passes (a conjunction opening a clause, a verb or
     * noun after an adverb, …). An adverb with and without {@code 地} before a verb is a group too.
     */
    private static final String[][] CHINESE_4 = {
        {"和", "与"}, {"以及", "及"}, {"或者", "或", "或是"}, {"应当", "应该", "应"}, {"必须", "务必", "须"},
        {"不得", "不准"}, {"禁止", "严禁"}, {"如果", "若", "倘若", "假如"}, {"但是", "但", "可是", "不过"},
        {"因为", "由于", "因"}, {"虽然", "虽", "尽管"}, {"并且", "并"}, {"然后", "随后"}, {"已经", "已"},
        {"曾经", "曾"}, {"非常", "十分"}, {"相关", "有关"}, {"目前", "当前"}, {"本次", "此次", "这次"},
        {"各个", "各"}, {"根据", "依据"}, {"许多", "很多"}, {"复制", "拷贝"}, {"电脑", "计算机"},
        {"手机", "移动电话"}, {"尽快", "尽早"}, {"之内", "以内"}, {"之外", "以外"}, {"此外", "另外"},
        {"总之", "总而言之"}, {"同时", "与此同时"}, {"如何", "怎样"}, {"为何", "为什么"}, {"今天", "今日"},
        {"明天", "明日"}, {"昨天", "昨日"}, {"每天", "每日"}, {"其他", "其它"}, {"能够", "能"}, {"可以", "可"},
        {"一起", "一同"}, {"逐步", "逐渐"}, {"是否", "是不是"}, {"所有", "全部"}, {"约", "大约"},
        {"共计", "共"}, {"余", "多"}, {"未", "没有"}, {"均", "都"}, {"导致", "造成"}, {"至", "到"},
        {"达到", "达"}, {"以免", "以防"}, {"直至", "直到"}, {"此时", "这时"}, {"需", "需要"},
        {"通常", "一般"}, {"于", "在"}, {"由", "从"}, {"加强", "强化"}, {"确保", "保证"},
        {"提高", "提升"}, {"制定", "制订"}, {"请勿", "请不要"}, {"切勿", "千万不要"},
    };
    /** Version 4: adverbs written with or without {@code 地} before a verb (认真地检查 / 认真检查). */
    static final List<String> CHINESE_ADVERBS_4 = List.of("认真", "严格", "切实", "积极", "妥善", "如实", "主动",
            "彻底", "仔细", "及时", "迅速", "全面", "充分", "有效", "准确", "正确", "合理", "严肃", "深入", "广泛",
            "密切", "详细", "明确", "较好", "扎实", "顺利", "圆满", "按时", "稳步", "有序", "高效", "规范", "持续",
            "不断", "逐一", "努力", "严密", "客观", "公正");

    /**
     * Version 6: forms added to an earlier group (its first form, then the new forms). From version 6 the group
     * has them too, so a site of the group has three or four forms instead of two, and the new form is a site
     * where the text has it; older versions keep the group as it was.
     */
    private static final String[][] CHINESE_6_MORE_FORMS = {
        {"以后", "后"}, {"以前", "前"}, {"之内", "内"}, {"按照", "按"}, {"由", "自"}, {"立即", "即刻"},
        {"导致", "引起"}, {"不得", "不许"}, {"尽快", "及早"}, {"已经", "业已"}, {"仍然", "仍"},
    };
    /** Version 6: new Chinese groups (guarded in {@link Canary}). */
    private static final String[][] CHINESE_6 = {
        {"经", "经过"}, {"对", "对于"}, {"经常", "常常"},
    };

    private static final Map<String, List<Group>> BY_FORM = new HashMap<>();
    private static final List<Group> GROUPS = new ArrayList<>();
    private static final Map<String, List<String[]>> PHRASES = new HashMap<>();
    private static final Set<String> PHRASE_WORDS = new java.util.HashSet<>();
    private static int since = 1;

    /**
     * One group of interchangeable forms; {@code id} is its canonical symbol, {@code since} the first version of
     * the canary rules that has it, {@code until} the first that no longer has it (a later version's group with
     * more forms took its place; {@link Integer#MAX_VALUE} when none has), {@code origin} the version of the
     * first group of its line (a version-6 group with more forms of a version-3 pair has origin 3, and the
     * version-3 guards).
     */
    record Group(int id, List<String> forms, boolean guarded, int since, int until, int origin) {
        int indexOf(String form) {
            return forms.indexOf(form);
        }
    }

    static {
        for (String stem : IZE_STEMS) {
            for (String ending : IZE_ENDINGS) {
                add(false, stem + "is" + ending, stem + "iz" + ending);
            }
        }
        for (String[] p : PAIRS_WITH_ENDINGS) {
            for (String ending : p[2].split("\\|", -1)) {
                add(false, p[0] + ending, p[1] + ending);
            }
        }
        for (String[] s : SYNONYMS) {
            add(false, s);
        }
        for (String[] s : GUARDED) {
            add(true, s);
        }
        since = 2;
        for (String stem : IZE_STEMS_2) {
            for (String ending : IZE_ENDINGS) {
                add(false, stem + "is" + ending, stem + "iz" + ending);
            }
        }
        for (String stem : concat(IZE_STEMS, IZE_STEMS_2)) {
            for (String ending : IZE_ENDINGS_2) {
                add(false, stem + "is" + ending, stem + "iz" + ending);
            }
        }
        for (String[] p : PAIRS_2) {
            add(GUARDED_2.contains(p[0]), p);
        }
        since = 3;
        for (String[] p : CHINESE_3) {
            add(true, p);
        }
        since = 4;
        for (String[] p : CHINESE_4) {
            add(true, p);
        }
        for (String adverb : CHINESE_ADVERBS_4) {
            add(true, adverb + "地", adverb);
        }
        since = 6;
        for (String[] more : CHINESE_6_MORE_FORMS) {
            extend(more[0], java.util.Arrays.copyOfRange(more, 1, more.length));
        }
        for (String[] p : CHINESE_6) {
            add(true, p);
        }
        for (Group g : GROUPS) {
            for (String f : g.forms()) {
                if (f.indexOf(' ') > 0) {
                    String[] words = f.split(" ");
                    PHRASES.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
                    PHRASE_WORDS.addAll(List.of(words));
                }
            }
        }
        PHRASES.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Variants() {
    }

    private static void add(boolean guarded, String... forms) {
        for (String f : forms) {
            if (current(f, since) != null) {
                if (guarded) {
                    throw new IllegalStateException("variant form in two groups: " + f);
                }
                return;
            }
        }
        put(new Group(GROUPS.size(), List.of(forms), guarded, since, Integer.MAX_VALUE, since));
    }

    /**
     * From version {@link #since} on, the group of {@code first} has {@code more} forms after its own: the group
     * as it was ends there, and a new group with every form takes its place.
     */
    private static void extend(String first, String... more) {
        Group old = current(first, since);
        if (old == null || !old.guarded()) {
            throw new IllegalStateException("no guarded group to extend: " + first);
        }
        Group ended = new Group(old.id(), old.forms(), old.guarded(), old.since(), since, old.origin());
        GROUPS.set(old.id(), ended);
        for (String f : old.forms()) {
            List<Group> groups = BY_FORM.get(f);
            groups.set(groups.indexOf(old), ended);
        }
        List<String> forms = new ArrayList<>(old.forms());
        for (String f : more) {
            if (current(f, since) != null) {
                throw new IllegalStateException("variant form in two groups: " + f);
            }
            forms.add(f);
        }
        put(new Group(GROUPS.size(), List.copyOf(forms), true, since, Integer.MAX_VALUE, old.origin()));
    }

    private static void put(Group g) {
        GROUPS.add(g);
        for (String f : g.forms()) {
            BY_FORM.computeIfAbsent(f, x -> new ArrayList<>(1)).add(g);
        }
    }

    /** The group a form belongs to under the rules of {@code version}, or null. */
    private static Group current(String form, int version) {
        List<Group> groups = BY_FORM.get(form);
        if (groups != null) {
            for (Group g : groups) {
                if (g.since() <= version && version < g.until()) {
                    return g;
                }
            }
        }
        return null;
    }

    /** The group of a lower-case word under the latest rules, or null when it has no variants. */
    static Group groupOf(String word) {
        return groupOf(word, Canary.VERSION);
    }

    /** The group of a lower-case word (or phrase) under the rules of {@code version}, or null. */
    static Group groupOf(String word, int version) {
        return current(word, version);
    }

    /** True when a word is part of some multi-word form. */
    static boolean inPhrase(String word) {
        return PHRASE_WORDS.contains(word);
    }

    /** The multi-word forms starting with a word, longest first, as word arrays. */
    static List<String[]> phrasesStartingWith(String word) {
        return PHRASES.getOrDefault(word, List.of());
    }

    /** Every form of every group of the rules of {@code version}. */
    static List<String> formsUpTo(int version) {
        List<String> out = new ArrayList<>();
        for (Group g : GROUPS) {
            if (g.since() <= version && version < g.until()) {
                out.addAll(g.forms());
            }
        }
        return out;
    }

    /** The number of groups of every version, ended ones too (for documentation and tests). */
    static int groupCount() {
        return GROUPS.size();
    }
}
