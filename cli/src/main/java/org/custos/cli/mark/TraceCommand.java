package org.custos.cli.mark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.material.DataOption;
import org.custos.material.extract.TextExtractor;
import org.custos.material.mark.CanaryFinding;
import org.custos.material.trace.TraceResult;
import org.custos.material.trace.Tracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** TraceCommand is {@code custos trace}: it says whose marked copy a leaked file is. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Say which recipient a leaked PDF, photo or retyped text was issued to, with the evidence.", "",
                "Reads QR codes, printed copy codes and the canary trap's wording variants, and names a recipient "
                        + "only when the evidence supports it; otherwise it says 'no mark found', 'inconclusive', "
                        + "'forged' or 'conflicting'. See docs/marking.md for the JSON form.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every file was read and answered (whatever the answer)",
                "  2  bad usage, or some file could not be read (the others are answered)"})
public final class TraceCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Leaked files: PDF, image or photo, text, DOCX.")
    List<Path> files;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the answers as JSON (docs/marking.md).")
    Path json;

    @Option(names = "--ocr", description = "Read images by OCR even when a valid QR code was found.")
    boolean ocr;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Tracer tracer = Tracer.forDataDirectory(data.dir, TextExtractor.standard()).alwaysOcr(ocr);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<TraceResult> results = new ArrayList<>();
        int unreadable = 0;
        for (Path file : files) {
            TraceResult r = tracer.trace(file);
            results.add(r);
            if (r.status() == TraceResult.Status.UNREADABLE) {
                unreadable++;
                err.println("custos: " + file + ": " + r.verdict());
                continue;
            }
            out.println(file + ": " + r.status().label() + ": " + r.verdict());
            for (String line : evidence(r)) {
                out.println("  " + line);
            }
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("version", 1);
            doc.put("files", results);
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            JSON.writeValue(json.toFile(), doc);
            out.println("json:   " + json);
        }
        out.flush();
        err.flush();
        return unreadable == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private static List<String> evidence(TraceResult r) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> qr = new LinkedHashMap<>();
        r.evidence().qr().forEach(q -> qr.merge(q.status() + (q.copy() == null ? "" : " " + q.copy()), 1,
                Integer::sum));
        qr.forEach((k, n) -> lines.add("qr: " + n + " x " + k));
        r.evidence().printedCodes().forEach(p -> lines.add("printed code: " + p.code() + " " + p.status() + " x "
                + p.count()));
        for (CanaryFinding c : r.evidence().canary()) {
            String best = c.candidates().isEmpty() ? "no copies" : String.format(Locale.ROOT,
                    "best copy %s agrees at %d of %d", c.candidates().get(0).copy(), c.candidates().get(0).agree(),
                    c.sitesRead());
            lines.add(String.format(Locale.ROOT, "wording variants of item %s: %d words placed of %d, %d read, %s, "
                    + "chance of a coincidence %.2g%s", c.item(), c.placedWords(), c.suspectWords(), c.sitesRead(), best,
                    c.chance(), c.identified() == null ? ", not named" : ""));
        }
        r.evidence().notes().forEach(n -> lines.add("note: " + n));
        return lines;
    }
}
