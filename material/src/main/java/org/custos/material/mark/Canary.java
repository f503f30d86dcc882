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
 * Version 4 adds Chinese groups of one to four characters (和/与, 但是/但/可是/不过, 必须/务必, 认真地/认真, …) and
 * more connectives before an optional comma, each a site only where ICU's word segmenter reads every form as a word
 * of its own with the words around it unchanged, and the group's guard passes (ADR 0015).
 * Version 5 leaves out a word site whose forms differ by a hyphen or a space ({@code cooperative/co-operative})
 * where the word is half of a hyphenated compound ({@code non-cooperative}): a form with a hyphen of its own makes
 * the compound one word of three parts, and the copy's words would no longer be the registered text's (found by
 * CanaryFuzzTest).
 * Version 6 gives eleven Chinese groups another form (以后/之后/后, 以前/之前/前, 之内/以内/内, 按照/依照/按,
 * 由/从/自, 立即/立刻/即刻, 导致/造成/引起, 不得/不准/不许, 尽快/尽早/及早, 已经/已/业已, 仍然/依然/仍), adds 经/经过,
 * 对/对于 and 经常/常常, and an optional comma before a conjunction joining a second verb phrase (，并): the
 * one-character forms 后, 前 and 内 are sites after an event or a time, 按 before a word of rule or plan (ADR 0016).
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
    public static final int VERSION = 6;

    /** The versions of the rules this code can still read (copies made with them keep their variants). */
    public static final java.util.Set<Integer> READABLE = java.util.Set.of(1, 2, 3, 4, 5, 6);

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
    /** Version 4: more connectives and time phrases opening a clause, after which a comma is optional. */
    private static final Set<String> CHINESE_INTRODUCTORY_4 = Set.of("但是", "所以", "而且", "并且", "不过", "可是",
            "然后", "随后", "当然", "其实", "另外", "与此同时", "总而言之", "换言之", "事实上", "实际上", "一般来说",
            "近年来", "近期", "近日", "今年以来", "上半年", "下半年", "今后", "此前", "届时", "当前", "最后");
    /** Characters after which a version-4 form before a verb or noun is not a site (的, 了, particles). */
    private static final String PARTICLES = "的了吗呢吧着过得地啊";
    /** Verbs before which an adverb without 地 may take it (认真检查 / 认真地检查), version 4. */
    private static final Set<String> VERBS_4 = Set.of("检查", "执行", "落实", "遵守", "报告", "处理", "开展", "做好",
            "保管", "履行", "核实", "整改", "登记", "审查", "学习", "贯彻", "推进", "完成", "记录", "上报", "清点",
            "销毁", "管理", "维护", "配合", "组织", "排查", "防范", "核对", "分析", "研究", "评估", "调查", "解决",
            "实施", "考虑", "说明", "回答", "填写", "填报", "保存", "保护", "使用", "对待", "了解", "掌握", "监督",
            "跟踪", "沟通", "协调", "反映", "汇报", "交流", "讨论", "总结", "梳理", "完善", "加强", "提高", "参与",
            "参加", "查找", "查处", "纠正", "督促", "提醒", "告知", "通报", "清理", "归档", "移交", "收回", "审核",
            "控制", "隔离", "修复", "备份", "测试", "验证", "确认", "传达", "宣传", "培训", "指导", "部署", "核查",
            "查明", "整理", "保障", "应对", "采取", "按照", "依照", "根据", "做到", "避免", "防止", "抓好", "启用",
            "恢复", "发现", "更换", "调整", "安排", "实行", "建立", "修订", "制定", "推动", "争取", "培养", "提出",
            "答复", "办理", "受理", "反馈", "整治", "治理", "处置", "推广", "应用", "运用", "操作", "检测", "监测",
            "检修", "维修", "保养", "关闭", "打开", "连接", "断开", "安装", "拆卸", "更新", "升级", "替换", "撤离",
            "疏散", "报警", "联系", "通知", "配备");
    /** Version 6: events and times besides {@link #VERBS_4} after which 后/前 stand for 以后/之后, 以前/之前. */
    private static final Set<String> EVENTS_6 = Set.of("结束", "返回", "回来", "到达", "离开", "收到", "同意",
            "批准", "审批", "签字", "下班", "上班", "开机", "关机", "完工", "验收", "打印", "复印", "格式化", "发生",
            "出现", "施行", "发布", "印发", "离岗", "离职", "退休", "调离", "借阅", "归还", "入库", "出库", "报到",
            "到岗", "上岗", "断电", "停电", "通电", "启动", "重启", "运行", "拆除", "送修", "谈话", "比对", "无误",
            "年底", "月底", "年初", "月初", "年末", "月末", "季末", "会议", "开会", "出差", "回国", "出国", "入职",
            "毕业", "通过", "领取", "交接", "移交", "办结", "阅读", "阅毕", "用毕", "使用完", "查阅", "登录", "退出",
            "接收", "签收", "审定", "定稿", "印制", "装订", "上报", "报送", "提交", "下发", "传达", "公布", "工作");
    /** Version 6: conjunctions after which a comma before them is optional (，并在 / 并在). */
    private static final Set<String> MID_CONJUNCTIONS_6 = Set.of("并", "并且", "且", "从而", "进而", "以便", "以免",
            "以防");
    /** Version 6: characters after 各 that make a word with it (各项, 各种, 各级, 各自), where 各个 cannot stand. */
    private static final String MEASURES_AFTER_EACH_6 = "项种类级位条方界地自式样色族";
    /**
     * Version 6: characters after 对 that make a word with it (对接, 对比, 对照, 对象, 对方, …), which the segmenter
     * does not always keep together; 对 before them is no preposition.
     */
    private static final String WORDS_WITH_DUI_6 = "接比照应称象待付立抗话手方面口外内准号策等症峙联折换调岸头劲"
            + "白数焦表垒账冲子开过门视弈撞流光错";
    /** Version 6: limits and scopes before 内 that stand for 以内/之内 (期限内, 范围内, 规定时间内). */
    private static final Set<String> WITHIN_6 = Set.of("期限", "时限", "范围", "时间", "期间");
    /** Version 6: words after 按 that make it "according to" (按规定, 按计划), not "press" (按电源键). */
    private static final Set<String> ACCORDING_TO_6 = Set.of("规定", "要求", "程序", "流程", "标准", "计划", "规范",
            "制度", "办法", "方案", "本", "有关", "相关", "国家", "公司", "上级", "合同", "实际", "比例", "职责",
            "权限", "分工", "约定", "原则", "密级", "涉密", "此", "上述", "以下", "下列", "前述", "原", "现行", "统一");
    /** Characters before an adverb that show it modifies the verb after it (应认真检查), version 4. */
    private static final String MODAL_BEFORE = "应当须必要并均都也已将可能会需请得该再还又就再仍";
    /** Characters before 于 that make it "than" (不少于, 高于), not "on" (于7月3日前), version 4. */
    private static final String COMPARATIVES = "少多大小高低优劣早晚长短快慢强弱深浅近远轻重等超";
    /** Characters that start a number (约3小时, 共计86台), version 4. */
    private static final String NUMERALS = "0123456789一二三四五六七八九十两百千万几半数";
    /** Words opening a prepositional or subordinate phrase before an optional comma, version 4 (longest first). */
    private static final List<String> CHINESE_OPENERS = List.of("为了", "根据", "按照", "依据", "依照", "对于", "关于",
            "经过", "随着", "通过", "鉴于", "针对", "截至", "由于", "基于", "除了", "一旦", "只要", "如果", "假如",
            "倘若", "即使", "虽然", "尽管", "面对", "结合", "围绕", "在此", "为", "在", "经", "自", "从", "因", "当",
            "若", "除");
    /** The longest phrase (in tokens) before a version-4 optional comma. */
    private static final int PHRASE_TOKENS = 14;
    /** The longest phrase ending in a word of time or place before a version-4 optional comma. */
    private static final int TIME_PHRASE_TOKENS = 8;
    /** Last characters of a phrase of time or place (开机后，在试验中，9月12日下午，). */
    private static final String TIME_ENDINGS = "后前时中内间期日月年午晚";
    /** How many characters around a version-4 candidate are segmented again with each form in its place. */
    private static final int SEGMENT_WINDOW = 6;

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
        this.sites = findSites(text, tokens, version, version >= 4 && hasHan(text) ? ChineseWords.boundaries(text)
                : null);
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

    private static boolean hasHan(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (Tokens.han(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static List<Site> findSites(String text, List<Tokens.Token> t, int version, boolean[] words) {
        List<Site> out = new ArrayList<>();
        int lastHanWordSite = -2;
        int runOfHanWordSites = 0;
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
            if (g != null && (!g.guarded() || guardPasses(text, t, i, version, words))
                    && !(version >= 5 && inHyphenCompound(t, i) && g.forms().stream().anyMatch(Canary::joined))) {
                boolean han = Tokens.han(tok.word().charAt(0));
                boolean next = han && version >= 4 && lastHanWordSite == i - 1;
                if (!next || runOfHanWordSites < 2 && pairKeepsTokens(text, t, i, version)) {
                    out.add(new Site(out.size(), Kind.WORD, i, g.forms().size(), g.indexOf(tok.word())));
                    if (han) {
                        runOfHanWordSites = next ? runOfHanWordSites + 1 : 1;
                        lastHanWordSite = i;
                    }
                }
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
            boolean chineseComma = true;
            if (version >= 3 && chineseCommaSite(t, i, version, words)
                    && (version < 4 || commaKeepsTokens(text, t, i, version))) {
                out.add(new Site(out.size(), Kind.COMMA, i, 2, tok.gap() == Tokens.Gap.COMMA ? 1 : 0));
            } else if (version >= 4 && chinesePhraseComma(text, t, i, sinceBreak, breakWasComma, words)
                    && commaKeepsTokens(text, t, i, version)) {
                out.add(new Site(out.size(), Kind.COMMA, i, 2, 1));
            } else if (version >= 6 && commaBeforeConjunction(text, t, i, sinceBreak, words)
                    && commaKeepsTokens(text, t, i, version)) {
                out.add(new Site(out.size(), Kind.COMMA, i, 2, 1));
            } else {
                chineseComma = false;
            }
            boolean cleanGap = (tok.gap() == Tokens.Gap.SPACE || tok.gap() == Tokens.Gap.COMMA)
                    && (version < 2 || tok.dropped() == null && !optionalWord(tok.word())
                            && !(i + 1 < t.size() && optionalWord(t.get(i + 1).word())));
            // one comma site a gap: from version 6 an English rule adds none where a Chinese one has (an English
            // opener before a Chinese connective, "If 同时，…", made two, and a copy could not show both; found by
            // CanaryFuzzTest)
            if (cleanGap && !(version >= 6 && chineseComma) && i + 2 < t.size() && !t.get(i + 1).sentenceStart()
                    && !t.get(i + 2).sentenceStart()) {
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
                // from version 6 only where leaving the comma out keeps the words: "as long, as" without its comma
                // is the phrase "as long as", one token (found by CanaryFuzzTest)
                if ((conjunction || introductory || clause || trailing)
                        && (version < 6 || commaKeepsTokens(text, t, i, version))) {
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

    /**
     * A Chinese comma after a short phrase opening a sentence (version 4): a prepositional or subordinate phrase
     * (为保证测量精度，/ 根据有关规定，/ 如果发现问题，/ 截至9月11日，) of at most {@value #PHRASE_TOKENS} tokens, or one
     * of at most {@value #TIME_PHRASE_TOKENS} ending in a word of time or place (会议结束后，/ 在试验中，), where
     * the registered text has the comma and a copy may leave it out. Only a comma the text has is a site: without
     * it nothing shows where the phrase ends.
     */
    private static boolean chinesePhraseComma(String text, List<Tokens.Token> t, int i, int sinceBreak,
            boolean breakWasComma, boolean[] words) {
        Tokens.Token tok = t.get(i);
        if (tok.gap() != Tokens.Gap.COMMA || breakWasComma || sinceBreak < 2 || sinceBreak > PHRASE_TOKENS
                || i + 1 >= t.size() || t.get(i + 1).sentenceStart() || !Tokens.han(text.charAt(tok.end() - 1))
                || !Tokens.han(t.get(i + 1).word().charAt(0))) {
            return false;
        }
        Tokens.Token first = t.get(i - sinceBreak + 1);
        if (!first.sentenceStart()) {
            return false;
        }
        for (String opener : CHINESE_OPENERS) {
            if (text.startsWith(opener, first.start())
                    && ChineseWords.oneWord(words, first.start(), first.start() + opener.length())) {
                return true;
            }
        }
        return sinceBreak <= TIME_PHRASE_TOKENS && TIME_ENDINGS.indexOf(text.charAt(tok.end() - 1)) >= 0;
    }

    /**
     * A Chinese comma before a conjunction that joins a second verb phrase to a clause (核对页数，并在登记表上签字 /
     * 核对页数并在登记表上签字; also 并且, 且, 从而, 进而, 以便, 以免, 以防), where the registered text
     * has the comma, at least three tokens after the last break, and a copy may leave it out (version 6). Not
     * before a negation (，并不, ，并未), where the comma keeps 并 from reading as "not at all".
     */
    private static boolean commaBeforeConjunction(String text, List<Tokens.Token> t, int i, int sinceBreak,
            boolean[] words) {
        Tokens.Token tok = t.get(i);
        if (tok.gap() != Tokens.Gap.COMMA || sinceBreak < 3 || i + 2 >= t.size() || t.get(i + 1).sentenceStart()
                || t.get(i + 2).sentenceStart() || !Tokens.han(text.charAt(tok.end() - 1))) {
            return false;
        }
        Tokens.Token conj = t.get(i + 1);
        if (!MID_CONJUNCTIONS_6.contains(conj.word()) || conj.gap() != Tokens.Gap.SPACE
                || !ChineseWords.oneWord(words, conj.start(), conj.end())) {
            return false;
        }
        char after = t.get(i + 2).word().charAt(0);
        return Tokens.han(after) && "不没未非".indexOf(after) < 0 && PARTICLES.indexOf(after) < 0;
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
    private static boolean chineseCommaSite(List<Tokens.Token> t, int i, int version, boolean[] words) {
        Tokens.Token tok = t.get(i);
        boolean listed = CHINESE_INTRODUCTORY.contains(tok.word())
                || version >= 4 && CHINESE_INTRODUCTORY_4.contains(tok.word());
        if (listed && version >= 4) {
            Variants.Group g = Variants.groupOf(tok.word(), version);
            listed = ChineseWords.oneWord(words, tok.start(), tok.end())
                    && (g == null || g.forms().stream().allMatch(f -> f.length() >= 2));
        }
        if (!listed || i + 1 >= t.size() || t.get(i + 1).sentenceStart()
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
    private static boolean chineseGuard(String text, Tokens.Token tok, int version, boolean[] words) {
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
            case "立即", "立刻", "即刻" -> (!prevHan || "应当须要将并会可必则就均都也亦请已得能该需务予被".indexOf(prev) >= 0)
                    && "时度".indexOf(next) < 0;
            case "仍然", "依然" -> "皈相依归无可所仍".indexOf(prev) < 0 && "后而则".indexOf(next) < 0;
            case "仍" -> "皈相依归无可所仍".indexOf(prev) < 0 && Tokens.han(next) && PARTICLES.indexOf(next) < 0;
            case "按照", "依照" -> "皈相可所依编一按".indexOf(prev) < 0 && "片相明射顾料".indexOf(next) < 0;
            case "即使", "即便" -> "立随当旋迅亦即则意使就".indexOf(prev) < 0
                    && "用命者得利于捷当民宜衣条饭秘道".indexOf(next) < 0;
            case "以后", "之后", "以前", "之前" -> prevHan && NOT_BEFORE_AFTER.indexOf(prev) < 0
                    && ("，,。；、的".indexOf(next) >= 0 || AFTER_AFTER.indexOf(next) >= 0);
            case "后", "前" -> prevHan && NOT_BEFORE_AFTER.indexOf(prev) < 0
                    && afterEventOrTime(text, tok.start(), words);
            case "按" -> ACCORDING_TO_6.contains(wordFrom(text, tok.end(), words));
            default -> false;
        };
    }

    /**
     * The guard of a version-4 Chinese group: where the form's part of speech or the clause allows every form of
     * its group. A form that may be read two ways (不过 "but" or "only", 尽管 "although" or "feel free", 曾 a
     * surname) is a site only where the registered text has an unambiguous form of the group.
     */
    private static boolean chineseGuard4(String text, List<Tokens.Token> t, int i, Variants.Group g,
            boolean[] words, int version) {
        Tokens.Token tok = t.get(i);
        String w = tok.word();
        char prev = tok.start() > 0 ? text.charAt(tok.start() - 1) : ' ';
        char next = tok.end() < text.length() ? text.charAt(tok.end()) : ' ';
        boolean beforeWord = Tokens.han(next) && PARTICLES.indexOf(next) < 0;
        boolean clauseStart = tok.sentenceStart() || i > 0 && t.get(i - 1).gap() == Tokens.Gap.COMMA;
        if (tok.gap() == Tokens.Gap.COMMA && g.forms().stream().anyMatch(f -> f.length() == 1)) {
            return false; // 但是， is fine, 但， is not
        }
        String first = g.forms().get(0);
        if (first.endsWith("地") && Variants.CHINESE_ADVERBS_4.contains(g.forms().get(1))) {
            if (w.endsWith("地")) {
                return true;
            }
            if (!(clauseStart || MODAL_BEFORE.indexOf(prev) >= 0)) {
                return false; // 开展全面检查 is a noun phrase; 应全面检查 and ，全面检查 are not
            }
            int end = tok.end();
            int wordEnd = end + 1;
            while (wordEnd < text.length() && !words[wordEnd]) {
                wordEnd++;
            }
            return wordEnd <= text.length() && VERBS_4.contains(text.substring(end, Math.min(wordEnd,
                    text.length())));
        }
        return switch (first) {
            case "和", "以及", "或者", "相关", "根据", "复制", "电脑", "手机", "为何", "今天", "明天", "昨天",
                    "每天", "因为", "然后", "目前", "导致", "以免", "直至", "此时", "加强", "提高", "制定", "请勿",
                    "切勿" -> true;
            case "之内" -> w.equals("内") ? withinTime(text, tok.start(), words) : Tokens.han(prev)
                    || Character.isDigit(prev);
            case "之外" -> Tokens.han(prev) || Character.isDigit(prev);
            case "非常" -> beforeWord && NUMERALS.indexOf(prev) < 0; // 三点四十分 is a time
            case "经" -> w.equals("经") && beforeWord;
            case "对" -> beforeWord && prev != '不' && WORDS_WITH_DUI_6.indexOf(next) < 0;
            case "经常" -> beforeWord;
            case "必须", "禁止", "已经", "许多", "尽快", "如何", "逐步", "是否", "本次", "如果", "应当",
                    "均" -> beforeWord;
            // 各项, 各种, 各级 are words a segmenter may split; 各个项 is no Chinese (version 6 on)
            case "各个" -> beforeWord && (version < 6 || w.equals("各个")
                    || MEASURES_AFTER_EACH_6.indexOf(next) < 0);
            case "不得" -> beforeWord && next != '不';
            case "并且" -> beforeWord && "不没未非".indexOf(next) < 0;
            case "约", "共计", "达到" -> NUMERALS.indexOf(next) >= 0;
            case "余" -> (Character.isDigit(prev) || "十百千万".indexOf(prev) >= 0) && beforeWord;
            case "未" -> w.equals("未") && beforeWord;
            case "至" -> w.equals("至");
            case "需" -> w.equals("需") && beforeWord;
            case "通常" -> w.equals("通常");
            case "于" -> w.equals("于") && Character.isDigit(next) && COMPARATIVES.indexOf(prev) < 0;
            case "由" -> Character.isDigit(next);
            case "确保" -> w.equals("确保") && beforeWord;
            case "曾经" -> w.equals("曾经") && beforeWord;
            case "能够" -> w.equals("能够") && beforeWord;
            case "可以" -> w.equals("可以") && beforeWord;
            case "所有" -> w.equals("所有") && beforeWord && "所为归".indexOf(prev) < 0;
            case "但是" -> !w.equals("不过") && clauseStart && beforeWord;
            case "虽然" -> !w.equals("尽管") && beforeWord;
            case "此外" -> clauseStart && NOT_AFTER_INTRODUCTORY.indexOf(firstAfterComma(text, tok.end())) < 0;
            case "总之" -> clauseStart;
            case "同时" -> clauseStart && tok.gap() == Tokens.Gap.COMMA;
            case "其他" -> "人员同成家方国者".indexOf(next) < 0;
            case "一起" -> beforeWord && prev != '在';
            default -> false;
        };
    }

    /**
     * True when the segmenter's word ending at {@code end} is an event or a time that 后/前 may follow with 以 or
     * 之 or neither (审核后 / 审核以后 / 审核之后, 20日前, 年底前, 三天后), not a place (门后, 楼前), version 6.
     */
    private static boolean afterEventOrTime(String text, int end, boolean[] words) {
        String word = wordTo(text, end, words);
        if (VERBS_4.contains(word) || EVENTS_6.contains(word)) {
            return true;
        }
        return numberedTime(text, end);
    }

    /**
     * True when 内 after {@code end} means "within" a time: a number of days, weeks, months, years or hours
     * (5个工作日内, 两周内, 2小时内) or a time limit or scope (期限内, 范围内), version 6.
     */
    private static boolean withinTime(String text, int end, boolean[] words) {
        return numberedTime(text, end) || WITHIN_6.contains(wordTo(text, end, words));
    }

    /** True when a unit of time ends at {@code end} with a number at most five characters before it (5个工作日). */
    private static boolean numberedTime(String text, int end) {
        if (end < 2 || "日天周月年时钟".indexOf(text.charAt(end - 1)) < 0) {
            return false;
        }
        for (int k = end - 2; k >= Math.max(0, end - 6); k--) {
            char c = text.charAt(k);
            if (Character.isDigit(c) || NUMERALS.indexOf(c) >= 0) {
                return true;
            }
            if (!Tokens.han(c)) {
                return false;
            }
        }
        return false;
    }

    /** The segmenter's word that ends at {@code end} (empty at the start of the text). */
    private static String wordTo(String text, int end, boolean[] words) {
        int start = end - 1;
        while (start > 0 && !words[start]) {
            start--;
        }
        return start < 0 ? "" : text.substring(start, end);
    }

    /** The segmenter's word that starts at {@code start} (empty at the end of the text). */
    private static String wordFrom(String text, int start, boolean[] words) {
        int end = start + 1;
        while (end < text.length() && !words[end]) {
            end++;
        }
        return start >= text.length() ? "" : text.substring(start, Math.min(end, text.length()));
    }

    /** The first character from {@code from} that is not a comma or white space (a space when none). */
    private static char firstAfterComma(String text, int from) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c != ',' && c != '，' && !Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }

    /**
     * True when the segmenter reads the registered form as a word (an adverb with 地 as the adverb and 地) and
     * every other form of the group in its place too, with the words within {@value #SEGMENT_WINDOW} characters
     * unchanged, and when no form changes the canary's own tokens nearby (version 4).
     */
    private static boolean segmenterAgrees(String text, boolean[] words, List<Tokens.Token> t, int i,
            Variants.Group g, int version) {
        Tokens.Token tok = t.get(i);
        if (!formIsWords(words, tok.start(), tok.word())) {
            return false;
        }
        int a = t.get(Math.max(0, i - CONTEXT)).start();
        int b = t.get(Math.min(t.size() - 1, i + CONTEXT)).end();
        List<Tokens.Token> windowTokens = Tokens.of(text.substring(a, b), version);
        List<String> tokensBefore = windowTokens.stream().map(Tokens.Token::word).toList();
        int at = indexOfTokenAt(windowTokens, tok.start() - a);
        if (at < 0) {
            return false;
        }
        int from = Math.max(0, tok.start() - SEGMENT_WINDOW);
        int to = Math.min(text.length(), tok.end() + SEGMENT_WINDOW);
        boolean[] before = ChineseWords.boundaries(text.substring(from, to));
        int start = tok.start() - from;
        int tail = tok.end() - from;
        if (!formIsWords(before, start, tok.word())) {
            return false;
        }
        for (String form : g.forms()) {
            if (form.equals(tok.word())) {
                continue;
            }
            String window = text.substring(a, tok.start()) + form + text.substring(tok.end(), b);
            List<String> expected = new ArrayList<>(tokensBefore);
            expected.set(at, form);
            if (!words(window, version).equals(expected)) {
                return false;
            }
            boolean[] after = ChineseWords.boundaries(text.substring(from, tok.start()) + form
                    + text.substring(tok.end(), to));
            int end = start + form.length();
            if (!formIsWords(after, start, form)) {
                return false;
            }
            for (int k = 2; k < start; k++) {
                if (before[k] != after[k]) {
                    return false;
                }
            }
            for (int k = tail; k <= to - from - 2; k++) {
                if (before[k] != after[end + k - tail]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * True when every pair of forms at two neighbouring Chinese sites (tokens {@code i − 1} and {@code i}) keeps
     * the canary's tokens nearby: no choice at one may join a character of the other's choice into a listed word
     * (version 4; a run of more than two neighbouring sites is not made).
     */
    private static boolean pairKeepsTokens(String text, List<Tokens.Token> t, int i, int version) {
        Tokens.Token first = t.get(i - 1);
        Tokens.Token second = t.get(i);
        int a = t.get(Math.max(0, i - 1 - CONTEXT)).start();
        int b = t.get(Math.min(t.size() - 1, i + CONTEXT)).end();
        List<Tokens.Token> windowTokens = Tokens.of(text.substring(a, b), version);
        List<String> tokensBefore = windowTokens.stream().map(Tokens.Token::word).toList();
        int at = indexOfTokenAt(windowTokens, first.start() - a);
        if (at < 0 || at + 1 >= tokensBefore.size()) {
            return false;
        }
        for (String f1 : Variants.groupOf(first.word(), version).forms()) {
            for (String f2 : Variants.groupOf(second.word(), version).forms()) {
                String window = text.substring(a, first.start()) + f1 + text.substring(first.end(), second.start())
                        + f2 + text.substring(second.end(), b);
                List<String> expected = new ArrayList<>(tokensBefore);
                expected.set(at, f1);
                expected.set(at + 1, f2);
                if (!words(window, version).equals(expected)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when a form starting at {@code start} is one word, or an adverb and 地, under the boundaries. */
    private static boolean formIsWords(boolean[] words, int start, String form) {
        int end = start + form.length();
        if (end >= words.length) {
            return false;
        }
        if (form.length() > 2 && form.endsWith("地") && Variants.CHINESE_ADVERBS_4.contains(form.substring(0,
                form.length() - 1))) {
            return ChineseWords.oneWord(words, start, end - 1) && words[end];
        }
        return ChineseWords.oneWord(words, start, end);
    }

    /**
     * True when leaving out the comma after token {@code i} (when there is one) keeps the tokens nearby: the
     * characters on either side of it must not join into a listed word (同，时 must not become 同时), version 4.
     */
    private static boolean commaKeepsTokens(String text, List<Tokens.Token> t, int i, int version) {
        Tokens.Token tok = t.get(i);
        if (tok.gap() != Tokens.Gap.COMMA) {
            return true;
        }
        int a = t.get(Math.max(0, i - CONTEXT)).start();
        int b = t.get(Math.min(t.size() - 1, i + CONTEXT)).end();
        int comma = commaAt(text, tok.end());
        String without = text.substring(a, comma) + text.substring(comma + 1, b);
        return words(without, version).equals(words(text.substring(a, b), version));
    }

    /** The words of a text's tokens, in order (a copy must read each form it chose as that form). */
    private static List<String> words(String text, int version) {
        return Tokens.of(text, version).stream().map(Tokens.Token::word).toList();
    }

    /** The index of the token that starts at {@code start}, or −1 when none does. */
    private static int indexOfTokenAt(List<Tokens.Token> tokens, int start) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() == start) {
                return k;
            }
        }
        return -1;
    }

    private static String sentenceOpener(List<Tokens.Token> t, int i, int sinceBreak) {
        Tokens.Token first = t.get(i - sinceBreak + 1);
        return first.sentenceStart() ? first.word() : "";
    }

    /** True when token {@code i} is joined to the token before or after it by a hyphen ({@code non-cooperative}). */
    private static boolean inHyphenCompound(List<Tokens.Token> t, int i) {
        return t.get(i).gap() == Tokens.Gap.HYPHEN || i > 0 && t.get(i - 1).gap() == Tokens.Gap.HYPHEN;
    }

    /** True when a variant form is written as more than one piece ({@code co-operate}, {@code any more}). */
    private static boolean joined(String form) {
        return form.indexOf('-') >= 0 || form.indexOf(' ') >= 0;
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

    private static boolean guardPasses(String text, List<Tokens.Token> t, int i, int version, boolean[] words) {
        Tokens.Token tok = t.get(i);
        if (version >= 3 && Tokens.han(tok.word().charAt(0))) {
            if (version < 4) {
                return chineseGuard(text, tok, version, words);
            }
            Variants.Group g = Variants.groupOf(tok.word(), version);
            boolean guard = g.origin() < 4 ? chineseGuard(text, tok, version, words)
                    : chineseGuard4(text, t, i, g, words, version);
            return guard && segmenterAgrees(text, words, t, i, g, version);
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
