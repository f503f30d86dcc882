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

    /** Common Han characters a mistyped character is replaced with (as a pinyin input method picks a wrong one). */
    private static final String COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
            + "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两"
            + "体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反";

    /**
     * The {@code chars} characters from the {@code sentence}-th sentence start (after a {@code 。}) of a Chinese
     * text, retyped: layout lost, 0.5 % of the characters left out, 0.5 % typed twice, 1 % replaced by a wrong common
     * character, 5 % of the commas left out and a fifth of the full-width commas typed as half-width ones.
     */
    static String chinesePage(String text, int sentence, int chars, SplittableRandom random) {
        String flat = text.replaceAll("\\s+", "");
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        for (int i = 1; i < flat.length(); i++) {
            if (flat.charAt(i - 1) == '。' && flat.length() - i >= chars) {
                starts.add(i);
            }
        }
        int from = starts.isEmpty() ? 0 : starts.get(Math.floorMod(sentence, starts.size()));
        StringBuilder out = new StringBuilder();
        for (int i = from; i < Math.min(flat.length(), from + chars); i++) {
            char c = flat.charAt(i);
            double r = random.nextDouble();
            if (r < 0.005) {
                continue;
            }
            if (c == '，') {
                double q = random.nextDouble();
                if (q < 0.05) {
                    continue;
                }
                out.append(q < 0.25 ? ',' : '，');
                continue;
            }
            if (r < 0.015 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                c = COMMON.charAt(random.nextInt(COMMON.length()));
            }
            out.append(c);
            if (r > 0.995) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
