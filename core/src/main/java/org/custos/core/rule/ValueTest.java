package org.custos.core.rule;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A ValueTest is how a detection rule compares one field's values with the values it lists: equality (with the
 * {@code *} and {@code ?} wildcards), containment, prefix, suffix, a regular expression, or a numeric comparison;
 * case-insensitive unless {@code cased}; any listed value may match, or all must.
 *
 * @param operation the comparison
 * @param values the values as written in the rule
 * @param all true when every listed value must match (the {@code all} modifier)
 * @param cased true for a case-sensitive comparison (the {@code cased} modifier)
 */
public record ValueTest(Operation operation, List<String> values, boolean all, boolean cased) {

    /** A comparison a rule can make. */
    public enum Operation { EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH, REGEX, GT, GTE, LT, LTE, PRESENT }

    /** Checks the fields and copies the values. */
    public ValueTest {
        values = List.copyOf(values);
        if (values.isEmpty() && operation != Operation.PRESENT) {
            throw new IllegalArgumentException("a value test needs at least one value");
        }
    }

    /** The compiled form of this test, which {@link FieldTest} evaluates. */
    Compiled compile() {
        return new Compiled(this);
    }

    /* Each value becomes one pattern (wildcards and modifiers folded in) or one number, once. */
    static final class Compiled {
        private final ValueTest test;
        private final Pattern[] patterns;
        private final double[] numbers;

        Compiled(ValueTest test) {
            this.test = test;
            int n = test.values().size();
            this.patterns = new Pattern[n];
            this.numbers = new double[n];
            int flags = test.cased() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            for (int i = 0; i < n; i++) {
                String v = test.values().get(i);
                switch (test.operation()) {
                    case GT, GTE, LT, LTE -> numbers[i] = Double.parseDouble(v);
                    case REGEX -> patterns[i] = Pattern.compile(v, test.cased() ? 0 : Pattern.CASE_INSENSITIVE);
                    case EQUALS -> patterns[i] = Pattern.compile(glob(v), flags | Pattern.DOTALL);
                    case CONTAINS -> patterns[i] = Pattern.compile(".*" + glob(v) + ".*", flags | Pattern.DOTALL);
                    case STARTS_WITH -> patterns[i] = Pattern.compile(glob(v) + ".*", flags | Pattern.DOTALL);
                    case ENDS_WITH -> patterns[i] = Pattern.compile(".*" + glob(v), flags | Pattern.DOTALL);
                    case PRESENT -> { }
                }
            }
        }

        /** True when one value of the event's field passes (against any listed value, or all of them). */
        boolean matches(List<String> fieldValues) {
            if (test.operation() == Operation.PRESENT) {
                return fieldValues.stream().anyMatch(v -> !v.isEmpty());
            }
            for (String value : fieldValues) {
                if (passes(value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean passes(String value) {
            boolean any = false;
            for (int i = 0; i < patterns.length; i++) {
                boolean ok = one(i, value);
                if (test.all() && !ok) {
                    return false;
                }
                any |= ok;
                if (any && !test.all()) {
                    return true;
                }
            }
            return any;
        }

        private boolean one(int i, String value) {
            switch (test.operation()) {
                case GT, GTE, LT, LTE -> {
                    double x;
                    try {
                        x = Double.parseDouble(value.trim());
                    } catch (NumberFormatException e) {
                        return false;
                    }
                    return switch (test.operation()) {
                        case GT -> x > numbers[i];
                        case GTE -> x >= numbers[i];
                        case LT -> x < numbers[i];
                        default -> x <= numbers[i];
                    };
                }
                case REGEX -> {
                    return patterns[i].matcher(value).find();
                }
                default -> {
                    return patterns[i].matcher(value).matches();
                }
            }
        }

        /* Sigma wildcards: * any run, ? one character, a backslash escapes either; everything else literal. */
        private static String glob(String value) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '*' || value.charAt(i + 1) == '?'
                        || value.charAt(i + 1) == '\\')) {
                    literal.append(value.charAt(++i));
                } else if (c == '*' || c == '?') {
                    if (literal.length() > 0) {
                        regex.append(Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    regex.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
            }
            return regex.toString();
        }
    }
}
