package org.custos.ingest.sigma;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.custos.core.event.EventKind;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.custos.core.rule.DetectionRule;
import org.custos.core.rule.EventFields;
import org.custos.core.rule.FieldTest;
import org.custos.core.rule.RuleCondition;
import org.custos.core.rule.ValueTest;
import org.custos.core.text.OneLine;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The SigmaLoader reads Sigma detection rules (YAML, one or more rules a file) and compiles the single-event ones
 * into {@link DetectionRule}s over Custos events, validating every file whole: each problem (YAML syntax, an unknown
 * top-level field, a log source with no Custos events, a field the event kind lacks, an unknown or unsupported
 * modifier, a bad regular expression, a condition naming no search) is reported with file, line and field, and a
 * rule with any problem is left out. docs/sigma.md says what is supported.
 */
public final class SigmaLoader {

    private static final Set<String> TOP_LEVEL = Set.of("title", "id", "name", "status", "description", "references",
            "author", "date", "modified", "tags", "logsource", "detection", "falsepositives", "level", "fields",
            "related", "license", "taxonomy", "scope");
    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
    private static final Set<String> SUPPORTED = Set.of("contains", "startswith", "endswith", "re", "all", "cased",
            "gt", "gte", "lt", "lte", "exists");
    private static final Set<String> UNSUPPORTED = Set.of("base64", "base64offset", "utf16le", "utf16be", "utf16",
            "wide", "windash", "cidr", "expand", "fieldref", "i", "m", "s");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("targetfilename", "path"), Map.entry("filename", "path"), Map.entry("filepath", "path"),
            Map.entry("file_path", "path"), Map.entry("c-uri", "url"), Map.entry("cs-uri", "url"),
            Map.entry("uri", "url"), Map.entry("cs-host", "domain"), Map.entry("computer", "host"),
            Map.entry("computername", "host"), Map.entry("hostname", "host"), Map.entry("subjectusername", "user"),
            Map.entry("targetusername", "user"), Map.entry("username", "user"), Map.entry("sender", "from"),
            Map.entry("recipients", "recipient"), Map.entry("to", "recipient"), Map.entry("attachments", "attachment"));
    private static final Map<String, EventKind> CATEGORIES = Map.ofEntries(
            Map.entry("file_event", EventKind.FILE), Map.entry("file_access", EventKind.FILE),
            Map.entry("file_change", EventKind.FILE), Map.entry("file_delete", EventKind.FILE),
            Map.entry("file_rename", EventKind.FILE), Map.entry("proxy", EventKind.HTTP),
            Map.entry("authentication", EventKind.LOGON), Map.entry("usb", EventKind.DEVICE),
            Map.entry("email", EventKind.EMAIL), Map.entry("print", EventKind.PRINT),
            Map.entry("badge", EventKind.BADGE));

    private final List<SigmaProblem> problems = new ArrayList<>();
    private final List<DetectionRule> rules = new ArrayList<>();
    private final Set<String> ids = new java.util.HashSet<>();
    private String file;

    private SigmaLoader() {
    }

    /**
     * Loads every {@code .yml} and {@code .yaml} file under a folder (or one file).
     *
     * @throws IOException when the path does not exist or a file cannot be read
     */
    public static SigmaRuleSet load(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file or directory");
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString()
                        .toLowerCase(Locale.ROOT).matches(".*\\.ya?ml")).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        SigmaLoader loader = new SigmaLoader();
        for (Path f : files) {
            try (Reader reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                loader.file = f.toString();
                loader.read(reader);
            }
        }
        return new SigmaRuleSet(loader.rules, loader.problems, files.size());
    }

    /** Loads rules from text, naming them {@code name} in problems (for tests and inline rules). */
    public static SigmaRuleSet parse(String name, String yaml) {
        SigmaLoader loader = new SigmaLoader();
        loader.file = name;
        loader.read(new java.io.StringReader(yaml));
        return new SigmaRuleSet(loader.rules, loader.problems, 1);
    }

    private void read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(4 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(options);
        int index = 0;
        try {
            for (Node document : yaml.composeAll(reader)) {
                if (document != null) {
                    rule(document, index++);
                }
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problem(line, "(yaml)", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            problem(1, "(yaml)", "not valid YAML: " + firstLine(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // SnakeYAML refuses some tags ('!O%0', found by fuzzing) with this rather than a YAMLException
            problem(1, "(yaml)", "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private void rule(Node root, int index) {
        int before = problems.size();
        if (!(root instanceof MappingNode map)) {
            problem(root, "(rule)", "expected a mapping of title, logsource, detection, ...");
            return;
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null) {
                problem(t.getKeyNode(), "(rule)", "field names must be text");
                continue;
            }
            if (!TOP_LEVEL.contains(key)) {
                problem(t.getKeyNode(), key, "unknown field (expected one of " + String.join(", ",
                        new java.util.TreeSet<>(TOP_LEVEL)) + ")");
            }
            fields.put(key, t.getValueNode());
        }
        String title = requiredScalar(fields, "title", root);
        String level = "medium";
        if (fields.containsKey("level")) {
            level = scalar(fields.get("level"));
            if (level == null || !LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
                problem(fields.get("level"), "level", "'" + level + "' is not one of informational, low, medium, "
                        + "high, critical");
                level = "medium";
            }
        }
        Category category = category(fields.get("tags"));
        EventKind kind = kind(fields.get("logsource"), root);
        RuleCondition condition = detection(fields.get("detection"), root, kind);
        String id = fields.containsKey("id") ? scalar(fields.get("id")) : null;
        String indicatorId = "sigma-" + slug(id != null ? id : stem() + (index == 0 ? "" : "-" + index));
        if (problems.size() == before && !ids.add(indicatorId)) {
            problem(fields.getOrDefault("id", root), "id", "'" + id + "' is used by an earlier rule");
        }
        if (problems.size() > before || kind == null || condition == null || title == null) {
            return;
        }
        Indicator indicator = new Indicator(indicatorId, category, "Sigma rule: " + title, weight(level));
        rules.add(new DetectionRule(file, title, kind, condition, indicator));
    }

    private static double weight(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "informational" -> 1;
            case "low" -> 3;
            case "high" -> 15;
            case "critical" -> 25;
            default -> 8;
        };
    }

    private Category category(Node tags) {
        if (tags == null) {
            return Category.CONCERNING_BEHAVIOUR;
        }
        if (!(tags instanceof SequenceNode list)) {
            problem(tags, "tags", "expected a list");
            return Category.CONCERNING_BEHAVIOUR;
        }
        Category found = Category.CONCERNING_BEHAVIOUR;
        for (Node tag : list.getValue()) {
            String t = String.valueOf(scalar(tag)).toLowerCase(Locale.ROOT);
            Category c = switch (t) {
                case "attack.exfiltration" -> Category.EXFILTRATION;
                case "attack.collection" -> Category.COLLECTION;
                case "attack.credential_access", "attack.privilege_escalation", "attack.initial_access",
                        "attack.lateral_movement", "attack.discovery" -> Category.ACCESS;
                case "custos.stressor" -> Category.STRESSOR;
                case "custos.custody" -> Category.CUSTODY;
                default -> null;
            };
            if (c != null && c.stage() >= found.stage()) {
                found = c;
            }
        }
        return found;
    }

    private EventKind kind(Node logsource, Node root) {
        if (logsource == null) {
            problem(root, "logsource", "missing");
            return null;
        }
        if (!(logsource instanceof MappingNode map)) {
            problem(logsource, "logsource", "expected a mapping with category and/or product");
            return null;
        }
        String category = null;
        String product = null;
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            switch (String.valueOf(key)) {
                case "category" -> category = scalar(t.getValueNode());
                case "product" -> product = scalar(t.getValueNode());
                case "service", "definition" -> { }
                default -> problem(t.getKeyNode(), "logsource." + key, "unknown field (expected category, product, "
                        + "service or definition)");
            }
        }
        if (category == null) {
            problem(logsource, "logsource.category", "missing; Custos maps rules by category");
            return null;
        }
        String c = category.toLowerCase(Locale.ROOT);
        if ("custos".equalsIgnoreCase(product)) {
            for (EventKind k : EventKind.values()) {
                if (k.label().equals(c)) {
                    return k;
                }
            }
        }
        EventKind kind = CATEGORIES.get(c);
        if (kind == null) {
            problem(logsource, "logsource.category", "'" + category + "' has no Custos events (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(CATEGORIES.keySet())) + ", or product custos with "
                    + "an event kind)");
        }
        return kind;
    }

    private RuleCondition detection(Node detection, Node root, EventKind kind) {
        if (detection == null) {
            problem(root, "detection", "missing");
            return null;
        }
        if (!(detection instanceof MappingNode map)) {
            problem(detection, "detection", "expected a mapping of searches and a condition");
            return null;
        }
        Map<String, RuleCondition> searches = new LinkedHashMap<>();
        Node condition = null;
        for (NodeTuple t : map.getValue()) {
            String name = scalar(t.getKeyNode());
            if ("condition".equals(name)) {
                condition = t.getValueNode();
            } else if ("timeframe".equals(name)) {
                problem(t.getKeyNode(), "detection.timeframe", "correlations over time are not supported; Custos "
                        + "runs single-event rules");
            } else {
                RuleCondition search = search(t.getValueNode(), "detection." + name, kind);
                searches.put(name, search != null ? search : new RuleCondition.AllOf(List.of()));
            }
        }
        if (condition == null) {
            problem(detection, "detection.condition", "missing");
            return null;
        }
        List<String> expressions = new ArrayList<>();
        if (condition instanceof SequenceNode list) {
            list.getValue().forEach(n -> expressions.add(scalar(n)));
        } else {
            expressions.add(scalar(condition));
        }
        List<RuleCondition> parts = new ArrayList<>();
        for (String expression : expressions) {
            if (expression == null) {
                problem(condition, "detection.condition", "expected text");
                return null;
            }
            try {
                parts.add(new ConditionParser(expression, searches).parse());
            } catch (IllegalArgumentException e) {
                problem(condition, "detection.condition", e.getMessage());
                return null;
            }
        }
        return parts.size() == 1 ? parts.get(0) : new RuleCondition.AnyOf(parts);
    }

    /* A search: a mapping (every field must match) or a list of mappings (any may). Null when it has problems. */
    private RuleCondition search(Node node, String path, EventKind kind) {
        if (node instanceof MappingNode map) {
            List<RuleCondition> tests = new ArrayList<>();
            boolean ok = true;
            for (NodeTuple t : map.getValue()) {
                RuleCondition test = fieldTest(t, path, kind);
                ok &= test != null;
                tests.add(test);
            }
            return ok ? new RuleCondition.AllOf(tests) : null;
        }
        if (node instanceof SequenceNode list) {
            List<RuleCondition> alternatives = new ArrayList<>();
            boolean ok = true;
            for (Node item : list.getValue()) {
                if (!(item instanceof MappingNode)) {
                    problem(item, path, "keyword searches (a list of values without field names) are not "
                            + "supported; name the field");
                    ok = false;
                    continue;
                }
                RuleCondition c = search(item, path, kind);
                ok &= c != null;
                alternatives.add(c);
            }
            return ok ? new RuleCondition.AnyOf(alternatives) : null;
        }
        problem(node, path, "expected a mapping of fields or a list of mappings");
        return null;
    }

    private RuleCondition fieldTest(NodeTuple t, String path, EventKind kind) {
        String key = scalar(t.getKeyNode());
        if (key == null) {
            problem(t.getKeyNode(), path, "field names must be text");
            return null;
        }
        String[] parts = key.split("\\|", -1);
        String sigmaField = parts[0];
        String where = path + "." + key;
        ValueTest.Operation operation = ValueTest.Operation.EQUALS;
        boolean all = false;
        boolean cased = false;
        Boolean exists = null;
        boolean ok = true;
        for (int i = 1; i < parts.length; i++) {
            String modifier = parts[i].toLowerCase(Locale.ROOT);
            if (UNSUPPORTED.contains(modifier)) {
                problem(t.getKeyNode(), where, "modifier '" + parts[i] + "' is not supported by Custos (supported: "
                        + String.join(", ", new java.util.TreeSet<>(SUPPORTED)) + ")");
                ok = false;
                continue;
            }
            if (!SUPPORTED.contains(modifier)) {
                problem(t.getKeyNode(), where, "unknown modifier '" + parts[i] + "' (supported: "
                        + String.join(", ", new java.util.TreeSet<>(SUPPORTED)) + ")");
                ok = false;
                continue;
            }
            switch (modifier) {
                case "contains" -> operation = ValueTest.Operation.CONTAINS;
                case "startswith" -> operation = ValueTest.Operation.STARTS_WITH;
                case "endswith" -> operation = ValueTest.Operation.ENDS_WITH;
                case "re" -> operation = ValueTest.Operation.REGEX;
                case "gt" -> operation = ValueTest.Operation.GT;
                case "gte" -> operation = ValueTest.Operation.GTE;
                case "lt" -> operation = ValueTest.Operation.LT;
                case "lte" -> operation = ValueTest.Operation.LTE;
                case "all" -> all = true;
                case "cased" -> cased = true;
                default -> exists = Boolean.TRUE;
            }
        }
        String field = ALIASES.getOrDefault(sigmaField.toLowerCase(Locale.ROOT), sigmaField);
        if (kind != null && EventFields.field(kind, field).isEmpty()) {
            problem(t.getKeyNode(), where, "'" + sigmaField + "' is not a field of " + kind.label() + " events "
                    + "(known: " + String.join(", ", EventFields.names(kind)) + ")");
            ok = false;
        }
        List<String> values = new ArrayList<>();
        Node value = t.getValueNode();
        boolean isNull = false;
        if (value instanceof ScalarNode s) {
            if (s.getTag().getValue().endsWith(":null")) {
                isNull = true;
            } else {
                values.add(s.getValue());
            }
        } else if (value instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                String v = scalar(item);
                if (v == null) {
                    problem(item, where, "expected a text or number value");
                    ok = false;
                } else {
                    values.add(v);
                }
            }
            if (list.getValue().isEmpty()) {
                problem(value, where, "empty list of values");
                ok = false;
            }
        } else {
            problem(value, where, "expected a value or a list of values");
            ok = false;
        }
        if (exists != null) {
            if (values.size() != 1 || !(values.get(0).equalsIgnoreCase("true")
                    || values.get(0).equalsIgnoreCase("false"))) {
                problem(value, where, "the exists modifier takes true or false");
                ok = false;
            } else {
                exists = Boolean.parseBoolean(values.get(0).toLowerCase(Locale.ROOT));
            }
        }
        for (String v : values) {
            if (operation == ValueTest.Operation.REGEX) {
                try {
                    Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    problem(value, where, "'" + v + "' is not a regular expression: " + e.getDescription());
                    ok = false;
                }
            } else if (operation.ordinal() >= ValueTest.Operation.GT.ordinal()
                    && operation != ValueTest.Operation.PRESENT) {
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    problem(value, where, "'" + v + "' is not a number");
                    ok = false;
                }
            }
        }
        if (!ok || kind == null) {
            return null;
        }
        if (exists != null || isNull) {
            RuleCondition present = FieldTest.of(kind, field, new ValueTest(ValueTest.Operation.PRESENT, List.of(),
                    false, false));
            boolean wanted = exists != null ? exists : false;
            return wanted ? present : new RuleCondition.Not(present);
        }
        return FieldTest.of(kind, field, new ValueTest(operation, values, all, cased));
    }

    private String requiredScalar(Map<String, Node> fields, String name, Node root) {
        Node node = fields.get(name);
        if (node == null) {
            problem(root, name, "missing");
            return null;
        }
        String value = scalar(node);
        if (value == null || value.isBlank()) {
            problem(node, name, "expected non-empty text");
            return null;
        }
        return value;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private String stem() {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "rule" : s;
    }

    private void problem(Node node, String field, String message) {
        problem(node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1, field, message);
    }

    private void problem(int line, String field, String message) {
        problems.add(new SigmaProblem(file, line, OneLine.shown(field), OneLine.shown(message)));
    }

    private static String firstLine(String text) {
        return text == null ? "unreadable" : text.lines().findFirst().orElse("unreadable");
    }
}
