package org.custos.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.cli.ExitCodes;
import org.custos.cli.Main;
import org.custos.cli.report.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code custos evaluate} with --input and --ablate on a small simulated organization. */
class EvaluateCommandIT {

    @TempDir
    static Path tmp;

    private static Path data;
    private static Path report;
    private static Path answers;

    private record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void simulateAndAnalyze() {
        data = tmp.resolve("org");
        report = tmp.resolve("report.json");
        answers = data.resolve("answers").resolve("insiders.csv");
        assertThat(Main.run("simulate", "--people", "80", "--days", "90", "--seed", "3", "--out", data.toString()))
                .isZero();
        assertThat(Main.run("analyze", data.toString(), "--report", report.toString(), "--quiet")).isZero();
    }

    private static Outcome evaluate(String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--answers", answers.toString(), report.toString()));
        args.addAll(List.of(extra));
        CommandLine line = Main.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = line.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void fairnessCheckGroupsEveryRankedPersonByEachAttribute() throws Exception {
        Path json = tmp.resolve("fairness.json");
        Outcome o = evaluate("--input", data.toString(), "--json", json.toString());

        assertThat(o.code()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("Fairness:", "role ", "business-unit ", "functional-unit ", "department ")
                .containsAnyOf("no attribute drives scores", "FLAG role=", "FLAG business-unit=",
                        "FLAG functional-unit=", "FLAG department=");
        JsonNode fairness = ReportFiles.json().readTree(json.toFile()).get("fairness");
        int people = fairness.get("people").asInt();
        assertThat(people).isGreaterThanOrEqualTo(80);
        assertThat(fairness.get("topInnocents").asInt()).isEqualTo((int) Math.ceil(0.05
                * fairness.get("innocents").asInt()));
        for (String attribute : List.of("role", "business-unit", "functional-unit", "department")) {
            int sum = 0;
            for (JsonNode g : fairness.get("groups")) {
                if (g.get("attribute").asText().equals(attribute)) {
                    sum += g.get("people").asInt();
                }
            }
            assertThat(sum).as(attribute).isEqualTo(people);
        }
    }

    @Test
    void withoutInputTheFairnessCheckIsSkippedWithANote() {
        Outcome o = evaluate();

        assertThat(o.code()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("fairness check skipped: give --input DIR").doesNotContain("Fairness:");
    }

    @Test
    void ablationLeavesOutEachFamilyOnceAndMeasuresItsChange() throws Exception {
        Path json = tmp.resolve("ablation.json");
        Outcome o = evaluate("--input", data.toString(), "--ablate", "--json", json.toString());

        assertThat(o.code()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("Ablation:", "every indicator", "without stressor", "without exfiltration");
        JsonNode ablation = ReportFiles.json().readTree(json.toFile()).get("ablation");
        JsonNode full = ablation.get("full");
        assertThat(full.get("aucChange").asDouble()).isZero();
        int all = full.get("indicators").asInt();
        int removed = 0;
        List<String> families = new ArrayList<>();
        for (JsonNode run : ablation.get("without")) {
            families.add(run.get("family").asText());
            removed += all - run.get("indicators").asInt();
            assertThat(run.get("aucChange").asDouble()).isEqualTo(run.get("evaluation").get("auc").asDouble()
                    - full.get("evaluation").get("auc").asDouble());
        }
        assertThat(families).containsExactly("stressor", "concerning-behaviour", "access", "collection", "custody",
                "exfiltration");
        assertThat(removed).isEqualTo(all);
    }

    @Test
    void ablateWithoutInputIsBadUsageNamingTheOption() {
        Outcome o = evaluate("--ablate");

        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err().strip()).isEqualTo("custos: --ablate needs --input DIR, the directory to reanalyze");
    }

    @Test
    void inputThatDoesNotExistIsBadUsageNamingTheDirectory() {
        Outcome o = evaluate("--input", tmp.resolve("nowhere").toString());

        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("nowhere: no such directory");
    }
}
