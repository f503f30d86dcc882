package org.custos.material.mark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Canary is the canary trap of one registered text: the positions (sites) where a marked copy may choose among
 * variants, how to write a copy's text from its choices, and how to read the choices back from a suspect text.
 *
 * <p>Version 1 has two kinds of site: a word with interchangeable forms ({@link Variants}: spelling or a
 * near-synonym), and an optional comma (before "and", "but", "or", "yet", "so" joining a long clause or closing a
 * list, and after an introductory adverb or phrase at the start of a sentence). Version 2 adds multi-word forms
 * (negated contractions, phrase synonyms), optional words ({@code that} after a verb of saying before a clause,
 * {@code of} in {@code all of the}), a hyphen or a space inside a compound of two plain words, and commas beside
 * quotation marks (ADR 0011). Version 3 reads Chinese (Simplified): each Han character is a token (a listed
 * two-character word one token), and it adds two-character variant pairs (账户/帐户, 账号/帐号, 唯一/惟一, 例如/比如,
 * 因此/因而, 立即/立刻, 仍然/依然, 按照/依照, 即使/即便, 以后/之后 and 以前/之前 after a clause), each guarded by the
 * characters beside it so that no choice joins a neighbouring word, and the optional comma (，) after a connective
 * opening a clause (此外, 因此, 例如, 目前, …) (ADR 0013); English text has the same sites as under version 2.
 * Each copy's choice at each site comes from a keyed PRF of (item, copy, site), so
 * copies differ at about half of the binary sites and most word sites.
 *
 * <p>Reading needs no layout: the suspect and the registered text are put in canonical form (each variant form
 * replaced by its group), and each suspect word is placed in the registered text by the four canonical words
 * ending (or starting) at it, when those occur exactly once there. A typo or OCR error loses only the sites next
 * to it.
 */
public final class Canary {

    /**
     * The version of the site rules and variant lists. A copy can only be read with the rules it was made with:
     * any change to {@link Variants} or to the site rules must increase it (and keep the old rules to read old
     * copies).
     */
    public static final int VERSION = 3;

    /** The versions of the rules this code can still read (copies made with them keep their variants). */
    public static final java.util.Set<Integer> READABLE = java.util.Set.of(1, 2, 3);

    /**
     * The kinds of variant position: a word's form (from version 3 also a Chinese two-character form), an optional
     * comma (from version 3 also {@code ，} after a Chinese connective), a hyphen or a space inside a compound
     * (version 2), an optional word (version 2: {@code that} after a verb of saying, {@code of} after all/both).
     */
    enum Kind { WORD, COMMA, HYPHEN, OPTIONAL }

    /** One variant position: which token, how many variants, and which one the registered text has. */
    record Site(int index, Kind kind, int token, int variants, int original) {
    }

    /**
     * One site read in a suspect text: the variant found there, and whether variant 1 of the site is the presence
     * of something a retyper may leave out (a comma, an optional word) rather than a choice between two forms.
     */
    record Observed(int site, int variant, int variants, boolean omissible) {
        Observed(int site, int variant, int variants) {
            this(site, variant, variants, false);
        }
    }

    /**
     * What a suspect text shows of this item's canary.
     *
     * @param alignedWords suspect words placed in the registered text
     * @param observed the sites read, each once (a site read twice with different variants is left out)
     */
    record Reading(int suspectWords, int alignedWords, List<Observed> observed) {
    }

    private static final int CONTEXT = 4;
    private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "or", "yet", "so", "including",
            "especially", "particularly", "except", "notably");
    private static final Set<String> INTRODUCTORY = Set.of("therefore", "thus", "hence", "consequently",
            "furthermore", "moreover", "additionally", "finally", "meanwhile", "today", "currently", "subsequently",
            "initially", "similarly", "likewise", "accordingly", "instead", "nonetheless", "nevertheless",
            "afterwards", "previously", "usually", "normally", "typically", "generally", "often", "frequently",
            "eventually", "ultimately", "clearly", "obviously", "evidently", "apparently", "presently", "here",
            "now", "then", "again", "first", "second", "third", "next", "later", "yesterday", "tomorrow",
            "overall", "still", "originally", "recently", "also", "indeed", "besides", "otherwise", "alternatively",
            "importantly", "specifically", "fortunately", "unfortunately", "naturally", "certainly", "ideally",
            "essentially", "thereafter", "conversely", "regardless");

    private static final Set<String> OPENERS = Set.of("in", "on", "at", "for", "after", "before", "during",
            "since", "under", "within", "without", "by", "when", "if", "although", "because", "as", "while", "once",
            "unless", "until", "upon", "following", "with", "where", "whenever", "whether", "to", "from");
    private static final Set<String> PREPOSITIONS = Set.of("in", "of", "by", "for", "to", "with", "from", "on",
            "at", "under", "through", "during", "upon", "into", "onto", "about", "over", "against", "among",
            "between", "without", "within", "after", "before", "whom", "all", "some", "none", "both", "each");
    private static final Set<String> NUMBERED = Set.of("section", "sections", "version", "article", "paragraph",
            "chapter", "clause", "item", "part", "page", "figure", "table", "step", "level", "grade", "phase", "stage",
            "number", "no", "annex", "appendix", "schedule", "rule", "line", "room", "floor", "building", "gplv",
            "lgplv", "v", "subsection", "point");
    private static final Set<String> CLAUSE_STARTERS = Set.of("the", "a", "an", "this", "that", "these", "those",
            "it", "you", "we", "they", "he", "she", "i", "its", "your", "their", "our", "his", "her", "any", "each",
            "every", "all", "no", "there", "such", "if", "when", "then", "in", "to", "for", "other", "some", "one",
            "nobody", "none", "anyone", "everyone", "may", "must", "shall", "will", "can", "should", "also", "not");
    private static final Set<String> PASSIVE = Set.of("is", "are", "be", "was", "were", "been", "being", "not");
    private static final Set<String> SUBORDINATORS = Set.of("if", "when", "unless", "because", "although",
            "whereas", "provided", "since", "while", "until", "where", "whenever", "wherever", "as", "so");
    private static final Set<String> EACH_STOP = Set.of("of", "other", "one", "and", "or", "such");
    private static final Set<String> PRONOUNS = Set.of("they", "we", "you", "us", "them", "these", "those");
    private static final Set<String> LIKE_A_NOUN = Set.of("a", "an", "the", "for", "worth", "little", "short", "long",
            "quite", "this", "that", "good", "great", "more", "most", "very", "less", "deeply", "particularly");
    private static final Set<String> NOUN_BEFORE = Set.of("a", "the", "this", "that", "these", "those", "any", "each",
            "every", "no", "such", "patent", "its", "your", "their", "his", "her", "our", "my", "separate", "new",
            "same", "other", "copyright", "software", "valid", "written", "exclusive", "express", "implied",
            "limited", "all", "import", "export", "driving", "trade", "broadcasting", "operating");

    /** Version 3: Chinese connectives after which a comma is optional at the start of a clause. */
    private static final Set<String> CHINESE_INTRODUCTORY = Set.of("此外", "然而", "因此", "因而", "例如", "比如",
            "目前", "同时", "总之", "其次", "首先");
    /** Characters before 以后/之后/以前/之前 that would make 以 or 之 part of another word (所以, 可以, 总之, …). */
    private static final String NOT_BEFORE_AFTER = "所可难足予加得借用据藉无何是给赖聊许有免以之于总反言久随为使置兼从继"
            + "要换称赋施报处授寄示致饰与若而及甚乃将拟资故";
    /**
     * Characters that may follow 以后/之后/以前/之前 besides punctuation and 的: none makes a word with 后 or 前
     * (unlike 后续, 后备, 前提, 前往, 前进, …), so 以 or 之 cannot be read as a word of its own before them.
     */
    private static final String AFTER_AFTER = "出只才再就都也即便将由应需须要可会能完还又均必发已开";
    private static final String NOT_AFTER_INTRODUCTORY = "一二三四五六七八九十两几个的之";

    private static final Set<String> PREFIXES = Set.of("non", "pre", "sub", "multi", "semi", "anti", "inter",
            "intra", "post", "self", "mid", "pro", "counter", "over", "under", "out", "re", "co", "de", "un", "bi",
            "tri", "ex", "e", "x", "well", "ill", "cross", "half", "quasi", "pseudo", "ultra", "super", "hyper");
    private static final Set<String> NOT_AFTER_ALL_THE = Set.of("same", "more", "less", "better", "worse", "way",
            "while", "fewer", "greater");

    private final String text;
    private final int version;
    private final List<Tokens.Token> tokens;
    private final List<Site> sites;
    private final int[][] sitesAtToken;
    private final Map<Long, Integer> left = new HashMap<>();
    private final Map<Long, Integer> right = new HashMap<>();

    private Canary(String text, int version) {
        this.text = text;
        this.version = version;
        this.tokens = Tokens.of(text, version);
        this.sites = findSites(text, tokens, version);
        this.sitesAtToken = new int[tokens.size()][];
        for (Site s : sites) {
            int[] at = sitesAtToken[s.token()];
            int[] grown = at == null ? new int[1] : java.util.Arrays.copyOf(at, at.length + 1);
            grown[grown.length - 1] = s.index();
            sitesAtToken[s.token()] = grown;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (i >= CONTEXT - 1) {
                left.merge(key(tokens, i - CONTEXT + 1), i, (a, b) -> -1);
            }
            if (i + CONTEXT <= tokens.size()) {
                right.merge(key(tokens, i) ^ 0x5bd1e995L, i, (a, b) -> -1);
            }
        }
    }

    /** The canary of a registered text under the latest rules. */
    public static Canary of(String text) {
        return new Canary(text, VERSION);
    }

    /**
     * The canary of a registered text under the rules of one version (to read copies made with them).
     *
     * @throws IllegalArgumentException for a version this code cannot read
     */
    public static Canary of(String text, int version) {
        if (!READABLE.contains(version)) {
            throw new IllegalArgumentException("canary rules version " + version + " are not known (readable: "
                    + new java.util.TreeSet<>(READABLE) + ")");
        }
        return new Canary(text, version);
    }

    /** The version of the rules. */
    public int version() {
        return version;
    }

    /** The canonical symbols of a text under this canary's rules (for tests). */
    List<Long> canonical(String suspect) {
        return Tokens.of(suspect, version).stream().map(Tokens.Token::symbol).toList();
    }

    /** The number of variant positions. */
    public int siteCount() {
        return sites.size();
    }

    List<Site> sites() {
        return sites;
    }

    /** The number of words. */
    public int wordCount() {
        return tokens.size();
    }

    /** The text of one copy, with each site's variant chosen by {@code choice}. */
    String render(java.util.function.IntBinaryOperator choice) {
        StringBuilder out = new StringBuilder(text.length() + sites.size());
        int copied = 0;
        for (int t = 0; t < tokens.size(); t++) {
            int[] here = sitesAtToken[t];
            if (here == null) {
                continue;
            }
            Tokens.Token tok = tokens.get(t);
            for (int index : here) {
                Site s = sites.get(index);
                int v = choice.applyAsInt(s.index(), s.variants());
                if (s.kind() == Kind.HYPHEN) {
                    out.append(text, copied, tok.end());
                    copied = tok.end();
                    if (v == 0) {
                        out.append(' ');
                        copied = tok.end() + 1;
                    }
                } else if (s.kind() == Kind.OPTIONAL) {
                    out.append(text, copied, tok.end());
                    copied = tok.end();
                    if (tok.dropped() != null && v == 0) {
                        copied = tok.droppedEnd();
                    } else if (tok.dropped() == null && v == 1) {
                        out.append(" of");
                    }
                } else if (s.kind() == Kind.WORD) {
                    String original = text.substring(tok.start(), tok.end());
                    String form = matchCase(Variants.groupOf(tok.word(), version).forms().get(v), original);
                    Tokens.Token article = t > 0 ? tokens.get(t - 1) : null;
                    if (article != null && article.gap() == Tokens.Gap.SPACE && article.start() >= copied
                            && (article.word().equals("a") || article.word().equals("an"))) {
                        out.append(text, copied, article.start());
                        String a = startsWithVowelSound(form) ? "an" : "a";
                        out.append(Character.isUpperCase(text.charAt(article.start())) ? "A" + a.substring(1) : a);
                        copied = article.end();
                    }
                    out.append(text, copied, tok.start());
                    out.append(form);
                    copied = tok.end();
                } else {
                    out.append(text, copied, tok.end());
                    copied = tok.end();
                    boolean hasComma = tok.gap() == Tokens.Gap.COMMA;
                    if (v == 1 && !hasComma) {
                        out.append(Tokens.han(text.charAt(tok.end() - 1)) ? '，' : ',');
                    } else if (v == 0 && hasComma) {
                        copied = commaAt(text, tok.end()) + 1;
                    }
                }
            }
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    /** Reads this item's sites in a suspect text. */
    Reading read(String suspect) {
        List<Tokens.Token> s = Tokens.of(suspect, version);
        Map<Integer, Integer> seen = new HashMap<>();
        java.util.Set<Integer> conflicting = new java.util.HashSet<>();
        int aligned = 0;
        for (int j = 0; j < s.size(); j++) {
            int i = place(s, j);
            if (i < 0) {
                continue;
            }
            aligned++;
            int[] here = sitesAtToken[i];
            if (here == null) {
                continue;
            }
            for (int index : here) {
                Site site = sites.get(index);
                int v;
                if (site.kind() == Kind.WORD) {
                    v = Variants.groupOf(tokens.get(i).word(), version).indexOf(s.get(j).word());
                } else {
                    if (j + 1 >= s.size() || i + 1 >= tokens.size()
                            || s.get(j + 1).symbol() != tokens.get(i + 1).symbol()) {
                        continue;
                    }
                    Tokens.Gap gap = s.get(j).gap();
                    String dropped = s.get(j).dropped();
                    v = switch (site.kind()) {
                        case COMMA -> dropped != null || gap == Tokens.Gap.OTHER || gap == Tokens.Gap.HYPHEN ? -1
                                : gap == Tokens.Gap.COMMA ? 1 : 0;
                        case HYPHEN -> gap == Tokens.Gap.HYPHEN ? 1 : gap == Tokens.Gap.SPACE ? 0 : -1;
                        default -> dropped != null ? (dropped.equals(optionalWord(i)) ? 1 : -1)
                                : gap == Tokens.Gap.SPACE ? 0 : -1;
                    };
                }
                if (v < 0) {
                    continue;
                }
                Integer before = seen.putIfAbsent(index, v);
                if (before != null && before != v) {
                    conflicting.add(index);
                }
            }
        }
        List<Observed> observed = new ArrayList<>();
        seen.forEach((index, v) -> {
            if (!conflicting.contains(index)) {
                Site site = sites.get(index);
                observed.add(new Observed(index, v, site.variants(),
                        site.kind() == Kind.COMMA || site.kind() == Kind.OPTIONAL));
            }
        });
        observed.sort(java.util.Comparator.comparingInt(Observed::site));
        return new Reading(s.size(), aligned, observed);
    }

    /** How many of a suspect's words can be placed in this text (to tell which item a suspect is from). */
    int placedWords(String suspect) {
        List<Tokens.Token> s = Tokens.of(suspect, version);
        int placed = 0;
        for (int j = 0; j < s.size(); j++) {
            if (place(s, j) >= 0) {
                placed++;
            }
        }
        return placed;
    }

    private int place(List<Tokens.Token> s, int j) {
        if (j >= CONTEXT - 1) {
            Integer i = left.get(key(s, j - CONTEXT + 1));
            if (i != null && i >= 0) {
                return i;
            }
        }
        if (j + CONTEXT <= s.size()) {
            Integer i = right.get(key(s, j) ^ 0x5bd1e995L);
            if (i != null && i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static long key(List<Tokens.Token> t, int from) {
        long h = 1;
        for (int k = from; k < from + CONTEXT; k++) {
            h = h * 0x9E3779B97F4A7C15L + t.get(k).symbol();
            h ^= h >>> 31;
        }
        return h;
    }

    /** The optional word of the site at token {@code i}: the one dropped there, else {@code of} (after all). */
    private String optionalWord(int i) {
        String dropped = tokens.get(i).dropped();
        return dropped != null ? dropped : "of";
    }

    private static List<Site> findSites(String text, List<Tokens.Token> t, int version) {
        List<Site> out = new ArrayList<>();
        int sinceBreak = 0;
        boolean breakWasComma = false;
        for (int i = 0; i < t.size(); i++) {
            Tokens.Token tok = t.get(i);
            if (tok.sentenceStart()) {
                sinceBreak = 0;
                breakWasComma = false;
            }
            sinceBreak++;
            Variants.Group g = Variants.groupOf(tok.word(), version);
            if (g != null && (!g.guarded() || guardPasses(text, t, i, version))) {
                out.add(new Site(out.size(), Kind.WORD, i, g.forms().size(), g.indexOf(tok.word())));
            }
            if (version >= 2) {
                if (tok.gap() == Tokens.Gap.HYPHEN && hyphenSite(text, t, i)) {
                    out.add(new Site(out.size(), Kind.HYPHEN, i, 2, 1));
                }
                if (tok.dropped() != null) {
                    out.add(new Site(out.size(), Kind.OPTIONAL, i, 2, 1));
                } else if (tok.word().equals("all") && tok.gap() == Tokens.Gap.SPACE && i + 2 < t.size()
                        && Tokens.OF_DETERMINERS.contains(t.get(i + 1).word()) && !t.get(i + 1).sentenceStart()
                        && !NOT_AFTER_ALL_THE.contains(t.get(i + 2).word())
                        && !(i > 0 && t.get(i - 1).word().equals("at"))) {
                    out.add(new Site(out.size(), Kind.OPTIONAL, i, 2, 0));
                }
            }
            if (version >= 3 && chineseCommaSite(t, i)) {
                out.add(new Site(out.size(), Kind.COMMA, i, 2, tok.gap() == Tokens.Gap.COMMA ? 1 : 0));
            }
            boolean cleanGap = (tok.gap() == Tokens.Gap.SPACE || tok.gap() == Tokens.Gap.COMMA)
                    && (version < 2 || tok.dropped() == null && !optionalWord(tok.word())
                            && !(i + 1 < t.size() && optionalWord(t.get(i + 1).word())));
            if (cleanGap && i + 2 < t.size() && !t.get(i + 1).sentenceStart() && !t.get(i + 2).sentenceStart()) {
                String conj = t.get(i + 1).word();
                boolean conjunction = CONJUNCTIONS.contains(conj)
                        && t.get(i + 1).gap() == Tokens.Gap.SPACE
                        && (!(conj.equals("and") || conj.equals("or")) || sinceBreak >= 6
                                || CLAUSE_STARTERS.contains(t.get(i + 2).word()))
                        && (sinceBreak >= 4 || (breakWasComma && sinceBreak <= 4 && tok.gap() == Tokens.Gap.COMMA));
                boolean introductory = tok.sentenceStart() && INTRODUCTORY.contains(tok.word());
                boolean clause = tok.gap() == Tokens.Gap.COMMA && sinceBreak >= 2 && sinceBreak <= 12
                        && !breakWasComma && OPENERS.contains(sentenceOpener(t, i, sinceBreak));
                boolean trailing = SUBORDINATORS.contains(t.get(i + 1).word()) && sinceBreak >= 4
                        && t.get(i + 1).gap() == Tokens.Gap.SPACE && !t.get(i + 2).word().equals("that")
                        && !(t.get(i + 1).word().equals("as") && (t.get(i + 2).word().equals("well")
                                || t.get(i + 2).word().equals("such") || i > 0 && t.get(i).word().equals("such")));
                if (conjunction || introductory || clause || trailing) {
                    out.add(new Site(out.size(), Kind.COMMA, i, 2, tok.gap() == Tokens.Gap.COMMA ? 1 : 0));
                }
            }
            if (tok.gap() != Tokens.Gap.SPACE && tok.gap() != Tokens.Gap.HYPHEN) {
                breakWasComma = tok.gap() == Tokens.Gap.COMMA;
                sinceBreak = 0;
            }
        }
        return out;
    }

    /** Where the first comma ({@code ,} or {@code ，}) from {@code from} is. */
    private static int commaAt(String text, int from) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == ',' || c == '，') {
                return k;
            }
        }
        return -1;
    }

    /**
     * A Chinese comma site (version 3): a connective at the start of a clause (此外, 因此, 例如, 目前, …) followed by
     * a Han character that does not start a number, a measure or 的 (另外两个 is never 另外，两个), where the comma
     * after it is optional.
     */
    private static boolean chineseCommaSite(List<Tokens.Token> t, int i) {
        Tokens.Token tok = t.get(i);
        if (!CHINESE_INTRODUCTORY.contains(tok.word()) || i + 1 >= t.size() || t.get(i + 1).sentenceStart()
                || (tok.gap() != Tokens.Gap.SPACE && tok.gap() != Tokens.Gap.COMMA)
                || !(tok.sentenceStart() || i > 0 && t.get(i - 1).gap() == Tokens.Gap.COMMA)) {
            return false;
        }
        char next = t.get(i + 1).word().charAt(0);
        return Tokens.han(next) && NOT_AFTER_INTRODUCTORY.indexOf(next) < 0;
    }

    /**
     * The guard of a Chinese variant (version 3): the characters just before and after the form must not make
     * one of its characters part of another word, in the registered text or in any copy (there is no segmenter,
     * so the guards are by character: 比例如下 is 比例 + 如下, 可以后退 is 可以 + 后退, 建立即时 is 建立 + 即时).
     */
    private static boolean chineseGuard(String text, Tokens.Token tok, int version) {
        String w = tok.word();
        char prev = tok.start() > 0 ? text.charAt(tok.start() - 1) : ' ';
        char next = tok.end() < text.length() ? text.charAt(tok.end()) : ' ';
        boolean prevHan = Tokens.han(prev);
        if (prevHan) {
            for (String f : Variants.groupOf(w, version).forms()) {
                if (Tokens.chineseWord("" + prev + f.charAt(0), version)) {
                    return false;
                }
            }
        }
        return switch (w) {
            case "账户", "帐户", "账号", "帐号" -> true;
            case "唯一", "惟一" -> "致切般样起直定旦些律同共再向贯体".indexOf(next) < 0;
            case "例如", "比如" -> !prevHan && "今何此下说果".indexOf(next) < 0;
            case "因此", "因而" -> !prevHan && next != '而';
            case "立即", "立刻" -> (!prevHan || "应当须要将并会可必则就均都也亦请已得能该需务予被".indexOf(prev) >= 0)
                    && "时度".indexOf(next) < 0;
            case "仍然", "依然" -> "皈相依归无可所仍".indexOf(prev) < 0 && "后而则".indexOf(next) < 0;
            case "按照", "依照" -> "皈相可所依编一按".indexOf(prev) < 0 && "片相明射顾料".indexOf(next) < 0;
            case "即使", "即便" -> "立随当旋迅亦即则意使就".indexOf(prev) < 0
                    && "用命者得利于捷当民宜衣条饭秘道".indexOf(next) < 0;
            case "以后", "之后", "以前", "之前" -> prevHan && NOT_BEFORE_AFTER.indexOf(prev) < 0
                    && ("，,。；、的".indexOf(next) >= 0 || AFTER_AFTER.indexOf(next) >= 0);
            default -> false;
        };
    }

    private static String sentenceOpener(List<Tokens.Token> t, int i, int sinceBreak) {
        Tokens.Token first = t.get(i - sinceBreak + 1);
        return first.sentenceStart() ? first.word() : "";
    }

    /**
     * A hyphen between two plain lower-case words ({@code royalty-free}, not {@code non-exclusive},
     * {@code Jean-Luc} or a compound of three) that may be a space instead without joining a phrase or freeing an
     * optional word.
     */
    private static boolean hyphenSite(String text, List<Tokens.Token> t, int i) {
        if (i + 1 >= t.size() || i > 0 && t.get(i - 1).gap() == Tokens.Gap.HYPHEN
                || t.get(i + 1).gap() == Tokens.Gap.HYPHEN) {
            return false;
        }
        String a = t.get(i).word();
        String b = t.get(i + 1).word();
        String written = text.substring(t.get(i).start(), t.get(i + 1).end());
        return a.length() >= 3 && b.length() >= 2 && !PREFIXES.contains(a) && written.equals(a + "-" + b)
                && !Variants.inPhrase(a) && !Variants.inPhrase(b) && !optional(a) && !optional(b)
                && Variants.groupOf(a) == null && Variants.groupOf(b) == null;
    }

    /** A word a copy may leave out or add (a comma beside it would decide whether it may). */
    private static boolean optionalWord(String word) {
        return word.equals("that") || word.equals("of");
    }

    private static boolean optional(String word) {
        return word.equals("that") || word.equals("of") || word.equals("all") || word.equals("both")
                || Tokens.THAT_VERBS.contains(word);
    }

    private static boolean guardPasses(String text, List<Tokens.Token> t, int i, int version) {
        Tokens.Token tok = t.get(i);
        if (version >= 3 && Tokens.han(tok.word().charAt(0))) {
            return chineseGuard(text, tok, version);
        }
        String next = i + 1 < t.size() ? t.get(i + 1).word() : "";
        String prev = i > 0 ? t.get(i - 1).word() : "";
        Tokens.Gap prevGap = i > 0 ? t.get(i - 1).gap() : Tokens.Gap.OTHER;
        return switch (tok.word()) {
            case "which" -> !tok.sentenceStart() && prevGap == Tokens.Gap.SPACE && !PREPOSITIONS.contains(prev)
                    && tok.gap() == Tokens.Gap.SPACE && (version < 2 || !Tokens.THAT_VERBS.contains(prev));
            case "whilst", "while" -> !LIKE_A_NOUN.contains(prev) && tok.gap() == Tokens.Gap.SPACE;
            case "licence", "license", "licences", "licenses" -> prevGap == Tokens.Gap.SPACE
                    && NOUN_BEFORE.contains(prev) && Character.isLowerCase(text.charAt(tok.start()));
            case "regarding", "concerning" -> !LIKE_A_NOUN.contains(prev) && !PASSIVE.contains(prev)
                    && tok.gap() == Tokens.Gap.SPACE;
            case "with respect to", "with regard to", "prior to", "as long as" -> tok.gap() == Tokens.Gap.SPACE
                    && (!tok.word().equals("as long as") || Tokens.CLAUSE_SUBJECTS.contains(next)
                            && !PASSIVE.contains(prev) && !LIKE_A_NOUN.contains(prev));
            case "readily", "easily" -> next.endsWith("able") || next.endsWith("ible") || next.endsWith("ed");
            case "because" -> !next.equals("of");
            case "although", "upon" -> true;
            case "however", "nevertheless", "nonetheless" -> tok.sentenceStart() && tok.gap() == Tokens.Gap.COMMA;
            case "each", "every" -> tok.gap() == Tokens.Gap.SPACE && !EACH_STOP.contains(next)
                    && !PRONOUNS.contains(prev) && !prev.matches("\\d+");
            case "whether" -> !next.equals("or") && !next.equals("to") && !prev.equals("as");
            case "allow", "allows", "allowed", "allowing", "enable", "enables", "enabled", "enabling" ->
                    !next.equals("for") && tok.gap() == Tokens.Gap.SPACE;
            case "requires", "began", "begins" -> tok.gap() == Tokens.Gap.SPACE;
            case "required" -> PASSIVE.contains(prev) && tok.gap() != Tokens.Gap.OTHER;
            case "attempts" -> next.equals("to");
            case "additional" -> tok.gap() == Tokens.Gap.SPACE;
            case "provided" -> next.equals("that");
            case "include", "includes", "contain", "contains" -> tok.gap() == Tokens.Gap.SPACE;
            case "included", "contained" -> PASSIVE.contains(prev) && tok.gap() == Tokens.Gap.SPACE
                    && next.equals("in");
            case "entire" -> tok.gap() == Tokens.Gap.SPACE;
            case "particular", "specific" -> !prev.equals("in") && tok.gap() == Tokens.Gap.SPACE;
            case "two", "three", "four", "five", "six", "seven", "eight", "nine", "2", "3", "4", "5", "6", "7", "8",
                    "9", "ten", "10" -> tok.gap() == Tokens.Gap.SPACE && next.length() > 3 && next.endsWith("s")
                    && next.chars().allMatch(Character::isLetter) && !NUMBERED.contains(prev)
                    && (prevGap == Tokens.Gap.SPACE || prevGap == Tokens.Gap.COMMA || i == 0);
            default -> false;
        };
    }

    private static boolean startsWithVowelSound(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("us") || w.startsWith("ut") || w.startsWith("uni") || w.startsWith("eu")) {
            return false;
        }
        return !w.isEmpty() && "aeiou".indexOf(w.charAt(0)) >= 0;
    }

    private static String matchCase(String form, String original) {
        if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))
                && !original.equals(original.toLowerCase(Locale.ROOT))) {
            return form.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.codePointAt(0))) {
            return form.substring(0, 1).toUpperCase(Locale.ROOT) + form.substring(1);
        }
        return form;
    }
}
