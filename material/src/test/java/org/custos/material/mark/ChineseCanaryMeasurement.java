package org.custos.material.mark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * ChineseCanaryMeasurement is a driver (not a test) that measures how often a retyped page of Chinese text names
 * the right one of 1,000 recipients (and how often a wrong one) under the latest canary rules (or the version given
 * second), with {@link Retyping#chinesePage}'s noise, for the two Chinese test texts the rules were written with,
 * four texts written afterwards without looking at the variant lists ({@code held-out-*.txt}, which version 4's
 * lists were then extended on), four more written after version 4 was frozen and measured once
 * ({@code final-*.txt}), three written for version 6 without looking at the lists ({@code v6-*.txt}, on which
 * version 6's guards were then corrected, so a development set), and
 * three page lengths (a text shorter than 800 characters: as a whole). Run after
 * {@code ./mvnw -q -B -o verify -pl material -am}:
 *
 * <pre>
 * ./mvnw -q -B -o dependency:build-classpath -pl material -Dmdep.outputFile=/tmp/material.cp
 * java -cp material/target/classes:material/target/test-classes:$(cat /tmp/material.cp) \
 *     org.custos.material.mark.ChineseCanaryMeasurement [pages [version]]
 * </pre>
 */
final class ChineseCanaryMeasurement {

    private ChineseCanaryMeasurement() {
    }

    public static void main(String[] args) {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            copies.add(String.format("R%07d", i));
        }
        CanaryTrace trace = new CanaryTrace(MarkFixtures.KEY);
        int version = args.length > 1 ? Integer.parseInt(args[1]) : Canary.VERSION;
        for (String name : List.of("chinese-procedure.txt", "chinese-report.txt", "held-out-notice.txt",
                "held-out-minutes.txt", "held-out-report.txt", "held-out-technical.txt", "final-regulation.txt",
                "final-investigation.txt", "final-training.txt", "final-request.txt", "v6-circular.txt", "v6-plan.txt",
                "v6-request.txt")) {
            String text = ChineseCanaryTest.resource(name);
            Canary canary = Canary.of(text, version);
            int chars = text.replaceAll("\\s+", "").length();
            System.out.printf(Locale.ROOT, "%s: %d characters, %d variant positions (%.1f per 1,000 characters)%n",
                    name, chars, canary.siteCount(), 1000.0 * canary.siteCount() / chars);
            for (int length : chars < 800 ? new int[] {400, 600, chars} : new int[] {400, 600, 800}) {
                int right = 0;
                int wrong = 0;
                long read = 0;
                for (int p = 0; p < pages; p++) {
                    String id = copies.get((p * 7919) % 1000);
                    String copy = Marking.variantTextFor(MarkFixtures.KEY, canary, "item", id);
                    String page = Retyping.chinesePage(copy, p, length, new SplittableRandom(p * 31L + length));
                    CanaryFinding f = trace.trace(canary, "item", copies, page);
                    read += f.sitesRead();
                    if (f.identified() != null) {
                        if (f.identified().equals(id)) {
                            right++;
                        } else {
                            wrong++;
                        }
                    }
                }
                int named = 0;
                for (int p = 0; p < pages; p++) {
                    String source = p % 2 == 0 ? text
                            : Marking.variantTextFor(MarkFixtures.KEY, canary, "item", "U" + p);
                    String page = Retyping.chinesePage(source, p, length, new SplittableRandom(p * 37L + length));
                    named += trace.trace(canary, "item", copies, page).identified() != null ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "  %d-character pages, %d trials: right %.1f %%, wrong %.1f %%, "
                        + "inconclusive %.1f %%; %.1f positions read a page; the original or a copy never issued: "
                        + "someone named in %d of %d%n", length, pages,
                        100.0 * right / pages, 100.0 * wrong / pages, 100.0 * (pages - right - wrong) / pages,
                        (double) read / pages, named, pages);
            }
        }
    }
}
