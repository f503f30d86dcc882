package org.custos.core.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ClassificationScheme is an ordered set of classification levels, defined as data.
 *
 * <p>The text form, one level a line from lowest to highest, is {@code id | English name | native name}, with
 * {@code #} comments and a first line {@code scheme: ID}. {@link #parse(String, String)} reports every problem at
 * once, each with its line.
 *
 * @param id the scheme's id ({@code prc}, {@code us})
 * @param levels the levels, lowest first
 */
public record ClassificationScheme(String id, List<ClassificationLevel> levels) {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern LEVEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** Checks that the levels are non-empty, distinct and ranked 1..n in order. */
    public ClassificationScheme {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("scheme " + id + " has no levels");
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).rank() != i + 1) {
                throw new IllegalArgumentException("scheme " + id + ": level " + levels.get(i).id()
                        + " has rank " + levels.get(i).rank() + ", expected " + (i + 1));
            }
        }
    }

    /** The level with the given id, English name or native name (case-insensitive), if any. */
    public Optional<ClassificationLevel> find(String nameOrId) {
        String wanted = nameOrId.trim().toLowerCase(Locale.ROOT);
        return levels.stream()
                .filter(l -> l.id().equals(wanted) || l.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || l.nativeName().equals(nameOrId.trim()))
                .findFirst();
    }

    /** The level with the given id or name, or throws naming the allowed ids. */
    public ClassificationLevel level(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new IllegalArgumentException("unknown level '" + nameOrId
                + "' in scheme " + id + ", expected one of " + levels.stream().map(ClassificationLevel::id).toList()));
    }

    /** The highest of the given levels, or empty when there are none. */
    public Optional<ClassificationLevel> highest(List<ClassificationLevel> some) {
        return some.stream().max(Comparator.comparingInt(ClassificationLevel::rank));
    }

    /** True when {@code clearance} is at least {@code required}. */
    public boolean dominates(ClassificationLevel clearance, ClassificationLevel required) {
        return clearance.rank() >= required.rank();
    }

    /**
     * Parses a scheme from its text form.
     *
     * @param source the file name used in error messages
     * @throws IllegalArgumentException listing every problem, one per line, each as {@code source:line: message}
     */
    public static ClassificationScheme parse(String text, String source) {
        List<String> problems = new ArrayList<>();
        String id = null;
        List<ClassificationLevel> levels = new ArrayList<>();
        String[] lines = LINE_BREAK.split(text, -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("scheme:")) {
                id = line.substring("scheme:".length()).strip();
                if (id.isEmpty()) {
                    problems.add(source + ":" + no + ": scheme id is empty");
                }
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length < 2 || parts.length > 3) {
                problems.add(source + ":" + no + ": expected 'id | English name | native name', got '" + line + "'");
                continue;
            }
            String levelId = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!LEVEL_ID.matcher(levelId).matches()) {
                problems.add(source + ":" + no + ": level id '" + parts[0].strip()
                        + "' must be lower-case letters, digits and '-'");
                continue;
            }
            if (levels.stream().anyMatch(l -> l.id().equals(levelId))) {
                problems.add(source + ":" + no + ": level id '" + levelId + "' is defined twice");
                continue;
            }
            String name = parts[1].strip();
            if (name.isEmpty()) {
                problems.add(source + ":" + no + ": level '" + levelId + "' has an empty English name");
                continue;
            }
            ClassificationLevel level = new ClassificationLevel(levelId, name,
                    parts.length == 3 ? parts[2].strip() : null, levels.size() + 1);
            String clash = clash(level, levels);
            if (clash != null) {
                problems.add(source + ":" + no + ": level '" + levelId + "' is named '" + clash
                        + "', which already names another level; every id and name must name one level");
                continue;
            }
            levels.add(level);
        }
        if (id == null) {
            problems.add(source + ": missing the line 'scheme: ID'");
        }
        if (levels.isEmpty()) {
            problems.add(source + ": no levels defined");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new ClassificationScheme(id, levels);
    }

    /* The first of the level's id and names (compared without case) that an earlier level already answers to. */
    private static String clash(ClassificationLevel level, List<ClassificationLevel> earlier) {
        for (String word : List.of(level.id(), level.name(), level.nativeName())) {
            String w = word.toLowerCase(Locale.ROOT);
            for (ClassificationLevel e : earlier) {
                if (w.equals(e.id()) || w.equals(e.name().toLowerCase(Locale.ROOT))
                        || w.equals(e.nativeName().toLowerCase(Locale.ROOT))) {
                    return word;
                }
            }
        }
        return null;
    }
}
