package org.custos.cli.harvest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.harvest.HarvestParameters;
import org.custos.core.harvest.Harvester;
import org.custos.ingest.DeadLetters;
import org.custos.ingest.weblog.AccessLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** HarvestCommand is {@code custos harvest}: finds clients harvesting a public web site in its access logs. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = {"Find clients harvesting the public web site in its access logs, with what each took.", "",
                "Reads web server access logs (Common or Combined Log Format, Apache vhost_combined, nginx with extra "
                        + "fields; .gz too) given as files or directories. Reports each client (address and user "
                        + "agent) that took documents or walked pages far beyond human browsing, with the reasons and "
                        + "the full list of documents taken (docs/harvest.md). Self-declared crawlers are listed "
                        + "apart. Unreadable lines go to the dead-letter CSV and the run goes on.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  analysed (harvesters, if any, are in the report)",
                "  2  bad options, or no access log could be read"})
public final class HarvestCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Access-log files or directories of them.")
    List<Path> paths;

    @Option(names = "--report", defaultValue = "harvest.json", paramLabel = "FILE",
            description = "Where to write the JSON report. Default: ${DEFAULT-VALUE}.")
    Path report;

    @Option(names = "--dead-letters", paramLabel = "FILE",
            description = "Where unreadable lines go. Default: dead-letters.csv beside the report.")
    Path deadLetters;

    @Option(names = "--taken", paramLabel = "DIR",
            description = "Write DIR/N-ADDRESS.txt per harvester: the documents it took, one path a line.")
    Path taken;

    @Option(names = "--site-root", paramLabel = "DIR",
            description = "With --taken: also copy each taken document from the site's files under DIR into "
                    + "DIR-of-taken/N-ADDRESS/, ready for 'custos assess'.")
    Path siteRoot;

    @Option(names = "--bulk", paramLabel = "N", description = "Documents that make a bulk downloader. Default: 100.")
    Integer bulk;

    @Option(names = "--sweep", paramLabel = "N",
            description = "Documents of one area (and at least half of it) that make an area sweep. Default: 30.")
    Integer sweep;

    @Option(names = "--pages", paramLabel = "N", description = "Distinct pages that make a site walk. Default: 400.")
    Integer pages;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "A simulator answer key (answers/harvesters.csv): print fast and slow harvesters found.")
    Path answers;

    @Option(names = "--visitors", paramLabel = "N",
            description = "With --answers: ordinary visitors simulated, for the false rate per 100,000.")
    Integer visitors;

    @Option(names = "--quiet", description = "Print no list, only errors.")
    boolean quiet;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        HarvestParameters d = HarvestParameters.defaults();
        HarvestParameters parameters;
        try {
            parameters = d.withVolumes(bulk == null ? d.bulkDocuments() : bulk,
                    sweep == null ? d.sweepDocuments() : sweep, pages == null ? d.walkPages() : pages);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (siteRoot != null && taken == null) {
            throw new UsageException("--site-root needs --taken DIR");
        }
        Path letters = deadLetters != null ? deadLetters
                : report.toAbsolutePath().resolveSibling("dead-letters.csv");
        Harvesting.Result result;
        try (DeadLetters out = DeadLetters.to(letters)) {
            try {
                result = Harvesting.run(paths, parameters, out);
            } catch (IOException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        HarvestDocument document = new HarvestDocument(
                new HarvestDocument.Input(result.files(), result.report().requests(), result.report().clients(),
                        result.report().documentsKnown(), result.rejected(),
                        result.rejected() == 0 ? null : letters.toString(), result.notices()),
                result.report().harvesters().stream().map(HarvestDocument.Client::of).toList(),
                result.report().crawlers().stream().map(HarvestDocument.Client::of).toList());
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(report.toFile(), document);
        result.notices().forEach(n -> System.err.println("custos: notice: " + AccessLogReader.printable(n)));
        result.firstRejected().forEach(r -> System.err.println("custos: rejected: " + AccessLogReader.printable(r)));
        if (result.rejected() > result.firstRejected().size()) {
            System.err.println("custos: ... and " + (result.rejected() - result.firstRejected().size())
                    + " more rejected lines in " + letters);
        }
        if (taken != null) {
            writeTaken(result.report().harvesters());
        }
        if (!quiet) {
            print(result, System.out);
        }
        if (answers != null) {
            HarvestEvaluation e = HarvestEvaluation.of(result.report(), answers, visitors == null ? 0 : visitors);
            System.out.printf(Locale.ROOT, "fast harvesters found: %d of %d%nslow harvesters found: %d of %d%n"
                            + "false harvesters: %d (%d binge readers, %d crawlers)%s%n", e.fastFound(), e.fast(),
                    e.slowFound(), e.slow(), e.falseHarvesters(), e.bingersReported(),
                    e.crawlersReportedAsHarvesters(), visitors == null ? ""
                            : String.format(Locale.ROOT, "; %.2f per 100,000 visitors", e.falsePer100k()));
        }
        if (!quiet) {
            System.out.println("report: " + report.toAbsolutePath());
        }
        return ExitCodes.OK;
    }

    private void writeTaken(List<Harvester> harvesters) throws IOException {
        Files.createDirectories(taken);
        int n = 0;
        for (Harvester h : harvesters) {
            n++;
            String stem = n + "-" + h.client().replaceAll("[^0-9A-Za-z.]", "_");
            Files.write(taken.resolve(stem + ".txt"), h.documents(), StandardCharsets.UTF_8);
            if (siteRoot == null) {
                continue;
            }
            Path into = taken.resolve(stem);
            Path root = siteRoot.toAbsolutePath().normalize();
            List<String> missing = new ArrayList<>();
            for (String document : h.documents()) {
                String path = document.replaceFirst("[?#].*$", "");
                Path source = root.resolve(path.replaceFirst("^/+", "")).normalize();
                if (!source.startsWith(root) || !Files.isRegularFile(source)) {
                    missing.add(document);
                    continue;
                }
                Path target = into.resolve(root.relativize(source).toString()).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!missing.isEmpty()) {
                System.err.println("custos: notice: " + missing.size() + " of the documents " + h.client()
                        + " took are not under " + siteRoot + "; listed in " + stem + ".txt only");
            }
        }
    }

    private static void print(Harvesting.Result result, PrintStream out) {
        out.printf(Locale.ROOT, "%,d requests from %,d clients in %d files; %,d documents served%n",
                result.report().requests(), result.report().clients(), result.files().size(),
                result.report().documentsKnown());
        if (result.report().harvesters().isEmpty()) {
            out.println("no harvesters");
        }
        int n = 0;
        for (Harvester h : result.report().harvesters()) {
            n++;
            out.printf(Locale.ROOT, "%2d. %s \"%s\": %d documents, %d pages, %d requests, %s .. %s%n", n,
                    AccessLogReader.printable(h.client()), AccessLogReader.printable(shorten(h.userAgent())),
                    h.documents().size(), h.pages(), h.requests(), java.time.Instant.ofEpochSecond(h.firstSecond()),
                    java.time.Instant.ofEpochSecond(h.lastSecond()));
            for (String reason : h.reasons()) {
                out.println("      " + AccessLogReader.printable(reason));
            }
        }
        if (!result.report().crawlers().isEmpty()) {
            out.println("self-declared crawlers (not counted as harvesters): " + result.report().crawlers().size());
        }
    }

    private static String shorten(String agent) {
        return agent.length() <= 60 ? agent : agent.substring(0, 57) + "...";
    }
}
