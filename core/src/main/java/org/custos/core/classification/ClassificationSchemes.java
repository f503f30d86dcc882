package org.custos.core.classification;

import java.util.List;
import java.util.Locale;

/**
 * ClassificationSchemes holds the preset schemes, each written in the same text form a user's own scheme file
 * uses: the PRC scheme (秘密 secret, 机密 confidential, 绝密 top secret) and the US scheme (confidential,
 * secret, top secret).
 */
public final class ClassificationSchemes {

    /** The PRC scheme's text form, lowest level first. */
    public static final String PRC_TEXT = """
            scheme: prc
            # Levels of the PRC Law on Guarding State Secrets, lowest first.
            secret       | Secret       | 秘密
            confidential | Confidential | 机密
            top-secret   | Top secret   | 绝密
            """;

    /** The US scheme's text form, lowest level first. */
    public static final String US_TEXT = """
            scheme: us
            # Levels of US Executive Order 13526, lowest first.
            confidential | Confidential
            secret       | Secret
            top-secret   | Top secret
            """;

    private static final ClassificationScheme PRC = ClassificationScheme.parse(PRC_TEXT, "preset prc");
    private static final ClassificationScheme US = ClassificationScheme.parse(US_TEXT, "preset us");

    private ClassificationSchemes() {
    }

    /** The PRC preset. */
    public static ClassificationScheme prc() {
        return PRC;
    }

    /** The US preset. */
    public static ClassificationScheme us() {
        return US;
    }

    /** The preset with the given id ({@code prc} or {@code us}), or throws naming the presets. */
    public static ClassificationScheme preset(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "prc" -> PRC;
            case "us" -> US;
            default -> throw new IllegalArgumentException("unknown classification scheme '" + id
                    + "', expected one of " + List.of("prc", "us") + " or a scheme file");
        };
    }
}
