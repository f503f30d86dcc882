package org.custos.ingest.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.custos.core.rule.RuleCondition;

/**
 * A ConditionParser reads a Sigma condition ({@code selection and not (filter1 or 1 of filter_*)}, {@code all of
 * them}) into a {@link RuleCondition} over the rule's searches; a search with problems is known by name but null,
 * and the whole condition is then dropped by the loader. Aggregations ({@code | count() ...}) are refused.
 */
final class ConditionParser {

    private final List<String> tokens = new ArrayList<>();
    private final Map<String, RuleCondition> searches;
    private int at;

    ConditionParser(String text, Map<String, RuleCondition> searches) {
        this.searches = searches;
        if (text.contains("|")) {
            throw new IllegalArgumentException("aggregations ('|') are not supported; Custos runs single-event rules");
        }
        for (String part : text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
            if (!part.isEmpty()) {
                tokens.add(part);
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty condition");
        }
    }

    RuleCondition parse() {
        RuleCondition c = or();
        if (at < tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + tokens.get(at) + "' at word " + (at + 1));
        }
        return c;
    }

    private RuleCondition or() {
        List<RuleCondition> parts = new ArrayList<>(List.of(and()));
        while (peek("or")) {
            at++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new RuleCondition.AnyOf(parts);
    }

    private RuleCondition and() {
        List<RuleCondition> parts = new ArrayList<>(List.of(not()));
        while (peek("and")) {
            at++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new RuleCondition.AllOf(parts);
    }

    private RuleCondition not() {
        if (peek("not")) {
            at++;
            return new RuleCondition.Not(not());
        }
        return primary();
    }

    private RuleCondition primary() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("condition ends too early");
        }
        String token = tokens.get(at++);
        if (token.equals("(")) {
            RuleCondition inner = or();
            if (!peek(")")) {
                throw new IllegalArgumentException("missing ')'");
            }
            at++;
            return inner;
        }
        if ((token.equals("1") || token.equalsIgnoreCase("all") || token.equalsIgnoreCase("any")) && peek("of")) {
            at++;
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("'" + token + " of' names no searches");
            }
            String target = tokens.get(at++);
            List<RuleCondition> matched = new ArrayList<>();
            Pattern pattern = Pattern.compile(target.equalsIgnoreCase("them") ? ".*"
                    : Pattern.quote(target).replace("*", "\\E.*\\Q"));
            for (Map.Entry<String, RuleCondition> e : searches.entrySet()) {
                if (pattern.matcher(e.getKey()).matches()) {
                    matched.add(e.getValue());
                }
            }
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("'" + token + " of " + target + "' matches no search");
            }
            return token.equalsIgnoreCase("all") ? new RuleCondition.AllOf(matched) : new RuleCondition.AnyOf(matched);
        }
        if (token.equals(")") || token.equalsIgnoreCase("and") || token.equalsIgnoreCase("or")) {
            throw new IllegalArgumentException("unexpected '" + token + "'");
        }
        if (!searches.containsKey(token)) {
            throw new IllegalArgumentException("'" + token + "' is not a search of this rule (searches: "
                    + String.join(", ", searches.keySet()) + ")");
        }
        return searches.get(token);
    }

    private boolean peek(String word) {
        return at < tokens.size() && tokens.get(at).equalsIgnoreCase(word);
    }
}
