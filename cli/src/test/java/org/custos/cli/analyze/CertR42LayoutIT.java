package org.custos.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.custos.cli.Main;
import org.custos.cli.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewrites a simulated organization into the CERT r4.2 layout (no activity columns, file copies to removable media
 * only, attachment counts, LDAP without projects, no Custos feeds) and checks that analyze reads it as r4.2 and
 * still ranks the planted insiders of the scenarios r4.2 has (1 to 3) above nearly everyone.
 */
class CertR42LayoutIT {

    @Test
    void analyzesTheR42LayoutAndStillRanksItsScenariosHigh(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        assertThat(Main.run("simulate", "--people", "150", "--days", "150", "--seed", "11", "--out", sim.toString()))
                .isZero();
        Path r42 = Files.createDirectory(tmp.resolve("r4.2"));
        rewrite(sim.resolve("logon.csv"), r42.resolve("logon.csv"), "id,date,user,pc,activity", f -> f);
        rewrite(sim.resolve("device.csv"), r42.resolve("device.csv"), "id,date,user,pc,activity",
                f -> List.of(f.get(0), f.get(1), f.get(2), f.get(3), f.get(5)));
        rewrite(sim.resolve("file.csv"), r42.resolve("file.csv"), "id,date,user,pc,filename,content",
                f -> f.get(6).equals("True") ? List.of(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(8))
                        : null);
        rewrite(sim.resolve("email.csv"), r42.resolve("email.csv"),
                "id,date,user,pc,to,cc,bcc,from,size,attachments,content",
                f -> f.get(8).equals("Send") ? List.of(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                        f.get(6), f.get(7), f.get(9), Integer.toString(f.get(10).isEmpty() ? 0
                                : f.get(10).split(";").length), f.get(11)) : null);
        rewrite(sim.resolve("http.csv"), r42.resolve("http.csv"), "id,date,user,pc,url,content",
                f -> List.of(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(6)));
        Files.copy(sim.resolve("psychometric.csv"), r42.resolve("psychometric.csv"));
        Path ldap = Files.createDirectory(r42.resolve("LDAP"));
        try (Stream<Path> months = Files.list(sim.resolve("LDAP"))) {
            for (Path month : months.toList()) {
                rewrite(month, ldap.resolve(month.getFileName()),
                        "employee_name,user_id,email,role,business_unit,functional_unit,department,team,supervisor",
                        f -> List.of(f.get(0), f.get(1), f.get(2), f.get(3), f.get(5), f.get(6), f.get(7), f.get(8),
                                f.get(9)));
            }
        }

        Path report = tmp.resolve("report.json");
        assertThat(Main.run("analyze", r42.toString(), "--report", report.toString(), "--quiet")).isZero();
        JsonNode json = ReportFiles.json().readTree(report.toFile());
        assertThat(json.get("input").get("rejected").asLong()).isZero();
        for (JsonNode file : json.get("input").get("files")) {
            assertThat(file.get("layout").asText()).as(file.get("file").asText()).contains("r4.2");
        }
        List<String> ranked = new ArrayList<>();
        json.get("people").forEach(p -> ranked.add(p.get("user").asText()));
        List<String> key = Files.readAllLines(sim.resolve("answers").resolve("insiders.csv"));
        int checked = 0;
        for (String row : key.subList(1, key.size())) {
            String[] f = row.split(",");
            if (List.of("1", "2", "3").contains(f[1])) {
                checked++;
                assertThat(ranked.indexOf(f[3])).as("rank of scenario %s insider %s among %d", f[1], f[3],
                        ranked.size()).isLessThan(ranked.size() / 10);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    private static void rewrite(Path from, Path to, String header, Function<List<String>, List<String>> row)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(from); BufferedWriter out = Files.newBufferedWriter(to)) {
            in.readLine();
            out.write(header);
            out.write('\n');
            String line;
            while ((line = in.readLine()) != null) {
                while (quotesOpen(line)) {
                    line = line + "\n" + in.readLine();
                }
                List<String> mapped = row.apply(fields(line));
                if (mapped != null) {
                    out.write(String.join(",", mapped.stream().map(CertR42LayoutIT::quote).toList()));
                    out.write('\n');
                }
            }
        }
    }

    private static boolean quotesOpen(String line) {
        return line.chars().filter(c -> c == '"').count() % 2 == 1;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
