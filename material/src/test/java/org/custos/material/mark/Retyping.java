package org.custos.material.mark;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Retyping turns a copy into what a person retyping one page of it would produce: layout and line breaks lost,
 * curly quotes straightened, 1 % of the words mistyped, 0.5 % left out, 5 % of the commas left out and 2 % of the
 * words with the case of their first letter flipped (the harsh noise of {@code MarkingBenchmark}).
 */
final class Retyping {

    private Retyping() {
    }

    /** The {@code words} words from the {@code sentence}-th sentence start (modulo their number) of a text, retyped. */
    static String page(String text, int sentence, int words, SplittableRandom random) {
        String[] all = text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .trim().split("\\s+");
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        for (int i = 1; i < all.length; i++) {
            if (all[i - 1].endsWith(".") && all.length - i >= words) {
                starts.add(i);
            }
        }
        int from = starts.isEmpty() ? 0 : starts.get(Math.floorMod(sentence, starts.size()));
        StringBuilder out = new StringBuilder();
        for (int i = from; i < Math.min(all.length, from + words); i++) {
            String w = all[i];
            double r = random.nextDouble();
            if (r < 0.005) {
                continue;
            }
            if (w.endsWith(",") && random.nextDouble() < 0.05) {
                w = w.substring(0, w.length() - 1);
            }
            if (r < 0.025) {
                w = Character.isUpperCase(w.charAt(0)) ? w.toLowerCase(Locale.ROOT)
                        : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
            }
            if (random.nextDouble() < 0.01 && w.length() > 3) {
                int k = 1 + random.nextInt(w.length() - 2);
                w = switch (random.nextInt(3)) {
                    case 0 -> w.substring(0, k) + w.substring(k + 1);
                    case 1 -> w.substring(0, k) + w.charAt(k) + w.substring(k);
                    default -> w.substring(0, k - 1) + w.charAt(k) + w.charAt(k - 1) + w.substring(k + 1);
                };
            }
            out.append(w).append(i % 12 == 11 ? '\n' : ' ');
        }
        return out.toString();
    }
}
