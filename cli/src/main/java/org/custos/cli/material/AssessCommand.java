package org.custos.cli.material;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.material.assess.Assessment;
import org.custos.material.assess.AssessmentFiles;
import org.custos.material.assess.Assessor;
import org.custos.material.assess.BoilerplateRule;
import org.custos.material.assess.FileAssessment;
import org.custos.material.assess.HtmlAssessment;
import org.custos.material.assess.IndexDensity;
import org.custos.material.extract.ExtractedText;
import org.custos.material.extract.Extraction;
import org.custos.material.extract.TextExtractor;
import org.custos.material.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** AssessCommand is {@code custos assess}: it says which registered items suspect files contain. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Say which registered items seized or leaked files contain, and at what level.", "",
                "Folders and zip archives expand to their files. For each file: the registered items it contains, "
                        + "as code-point spans in both texts, the highest level and a verdict. Writes "
                        + "assessment.json (docs/assessment-format.md) and optionally an HTML page with the texts "
                        + "side by side.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every file assessed (whether or not registered material was found)",
                "  2  bad usage, an empty registry, or some file could not be read (it is listed as",
                "     not-assessed with the reason; the others are assessed)"})
public final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Suspect files, folders or zip archives.")
    List<Path> paths;

    @Option(names = "--report", defaultValue = "assessment.json", paramLabel = "FILE",
            description = "Where to write the JSON assessment. Default: ${DEFAULT-VALUE}.")
    Path report;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML page with matches side by side.")
    Path html;

    @Option(names = "--boilerplate-min-items", defaultValue = "3", paramLabel = "N",
            description = "A fingerprint in at least N registered items (and in the share below) is boilerplate "
                    + "and never seeds a match. Default: ${DEFAULT-VALUE}.")
    int boilerplateMinItems;

    @Option(names = "--boilerplate-share", defaultValue = "0.01", paramLabel = "SHARE",
            description = "Share of registered items (0 to 1) a fingerprint must also be in to be boilerplate. "
                    + "Default: ${DEFAULT-VALUE}.")
    double boilerplateShare;

    @Option(names = "--index", defaultValue = "auto", paramLabel = "DENSITY",
            description = "Fingerprints the in-memory index holds: dense (every winnowing fingerprint: a shared run "
                    + "of 15 tokens always seeds), sparse (half of them, about 8 % of the registry's text: 24 tokens "
                    + "always seed, 15 to 23 usually) or auto (dense up to 200 M characters of registered text). "
                    + "Default: ${DEFAULT-VALUE}.")
    String index;

    @Option(names = "--input", paramLabel = "DIR",
            description = "Activity logs with LDAP snapshots (CERT layout): the assessment then ends with the "
                    + "candidate sources, the people who had access to every matched item (leads, not findings).")
    Path input;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Registry registry = Registry.open(data.dir);
        if (registry.list().isEmpty()) {
            throw new UsageException(data.dir + ": the registry is empty; register material with "
                    + "'custos registry add' first");
        }
        BoilerplateRule rule;
        try {
            rule = new BoilerplateRule(boilerplateMinItems, boilerplateShare);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--boilerplate-min-items/--boilerplate-share: " + e.getMessage());
        }
        IndexDensity density;
        try {
            density = IndexDensity.valueOf(index.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--index: expected auto, dense or sparse, not '" + index + "'");
        }
        Assessor assessor = Assessor.of(registry, rule, density);
        TextExtractor extractor = TextExtractor.standard();
        List<Extraction> documents = new ArrayList<>();
        for (Path path : paths) {
            documents.addAll(extractor.extract(path));
        }
        Assessment assessment = assessor.assess(documents);
        CandidateSources sources = null;
        if (input != null) {
            if (!java.nio.file.Files.isDirectory(input)) {
                throw new UsageException("--input: " + input + ": no such directory");
            }
            sources = CandidateSources.of(input, registry.list(), assessment);
            AssessmentFiles.write(assessment, Map.of("candidateSources", sources.byFile(),
                    "candidateSourcesOverall", sources.overall(), "candidateAccess", sources.reasons()), report);
        } else {
            AssessmentFiles.write(assessment, report);
        }
        if (html != null) {
            Map<String, String> texts = new HashMap<>();
            for (Extraction e : documents) {
                if (e instanceof ExtractedText t) {
                    texts.put(t.path(), t.text());
                }
            }
            HtmlAssessment.write(assessment, texts, assessor::itemText, html);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int unread = 0;
        for (FileAssessment f : assessment.files()) {
            if (f.status().equals(FileAssessment.NOT_ASSESSED)) {
                err.println("custos: " + f.path() + ": not assessed: " + f.reason());
                unread++;
            } else {
                out.println(f.path() + ": " + f.verdict());
            }
        }
        if (sources != null) {
            out.println("candidate sources (had access to every matched item; leads, not findings): "
                    + (sources.overall().isEmpty() ? "none" : String.join(", ", sources.overall())));
            for (String user : sources.overall()) {
                sources.reasons().getOrDefault(user, Map.of())
                        .forEach((item, how) -> out.println("  " + user + "  " + item + ": " + how));
            }
        }
        out.println("report: " + report.toAbsolutePath() + (html == null ? "" : "\nhtml:   " + html.toAbsolutePath()));
        out.flush();
        err.flush();
        return unread == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
