package org.custos.cli.harvest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.core.harvest.HarvestReport;
import org.custos.core.harvest.Harvester;

/**
 * A HarvestEvaluation compares a harvest report with the simulator's answer key ({@code answers/harvesters.csv}):
 * how many fast and slow harvesters were found, and how many reported harvesters were not planted ones.
 *
 * @param fast planted fast harvesters
 * @param fastFound of which reported
 * @param slow planted slow harvesters
 * @param slowFound of which reported
 * @param falseHarvesters reported harvesters that are no planted harvester (binge readers, crawlers, visitors)
 * @param bingersReported binge readers among the false harvesters
 * @param crawlersReportedAsHarvesters self-announcing crawlers among the false harvesters
 * @param visitors ordinary visitors in the log (binge readers included), for the false rate
 */
public record HarvestEvaluation(int fast, int fastFound, int slow, int slowFound, int falseHarvesters,
        int bingersReported, int crawlersReportedAsHarvesters, int visitors) {

    /** False harvesters per 100,000 ordinary visitors. */
    public double falsePer100k() {
        return visitors == 0 ? 0 : falseHarvesters * 100_000.0 / visitors;
    }

    /** Compares a report with an answer key; {@code visitors} is the number of ordinary visitors simulated. */
    public static HarvestEvaluation of(HarvestReport report, Path answers, int visitors) throws IOException {
        Map<String, String> kinds = new HashMap<>();
        List<String> lines = Files.readAllLines(answers, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("client,user_agent,kind,documents,first,last")) {
            throw new IOException(answers + ": not a harvester answer key (header client,user_agent,kind,...)");
        }
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            int quoteEnd = line.indexOf("\",", comma + 2);
            String client = line.substring(0, comma);
            String agent = line.substring(comma + 2, quoteEnd).replace("\"\"", "\"");
            String rest = line.substring(quoteEnd + 2);
            kinds.put(client + "\n" + agent, rest.substring(0, rest.indexOf(',')));
        }
        int fast = 0;
        int slow = 0;
        for (String kind : kinds.values()) {
            if (kind.equals("fast")) {
                fast++;
            } else if (kind.equals("slow")) {
                slow++;
            }
        }
        int fastFound = 0;
        int slowFound = 0;
        int falses = 0;
        int bingers = 0;
        int crawlers = 0;
        for (Harvester h : report.harvesters()) {
            String kind = kinds.getOrDefault(h.client() + "\n" + h.userAgent(), "visitor");
            switch (kind) {
                case "fast" -> fastFound++;
                case "slow" -> slowFound++;
                case "binge" -> {
                    falses++;
                    bingers++;
                }
                case "crawler" -> {
                    falses++;
                    crawlers++;
                }
                default -> falses++;
            }
        }
        return new HarvestEvaluation(fast, fastFound, slow, slowFound, falses, bingers, crawlers, visitors);
    }
}
