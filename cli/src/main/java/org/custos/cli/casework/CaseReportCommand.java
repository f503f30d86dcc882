package org.custos.cli.casework;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.casefile.CaseFile;
import org.custos.report.CaseReport;
import org.custos.report.CaseReportAssembler;
import org.custos.report.HtmlCaseReport;
import org.custos.report.PdfCaseReport;
import org.custos.report.reference.ReferencePack;
import org.custos.report.reference.ReferencePackException;
import org.custos.report.reference.ReferencePacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** CaseReportCommand is {@code custos case report}: the case report as HTML and PDF. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the case report: header, timeline, indicators and their events, daily risk, exposure, "
                + "attached assessments and mark traces, notes, evidence (re-hashed now) and the case's audit trail; "
                + "optionally legal references.", "",
                "Subjects appear under their pseudonyms, or by name when an investigator reports on an active case "
                        + "(audited as a reveal; --pseudonymous keeps the pseudonyms). References are listed for "
                        + "orientation only: Custos never proposes a sentence. Allowed for whoever may view the case: "
                        + "analysts, investigators and auditors."})
final class CaseReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
    String caseId;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as HTML.")
    Path html;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the report as PDF.")
    Path pdf;

    @Option(names = "--references", paramLabel = "PACK", arity = "0..1", fallbackValue = ReferencePacks.BUILT_IN,
            description = "List legal references from a pack: a JSON file, or '" + ReferencePacks.BUILT_IN
                    + "' (the default when the option has no value). See docs/cases.md.")
    String references;

    @Option(names = "--pseudonymous", description = "Keep subjects under their pseudonyms even when allowed to reveal.")
    boolean pseudonymous;

    @Option(names = "--timeline-limit", paramLabel = "N", defaultValue = "1000",
            description = "At most N events per subject on the timeline. Default: 1000.")
    int timelineLimit;

    @Override
    public Integer call() throws IOException {
        if (html == null && pdf == null) {
            throw new UsageException("say where to write the report: --html FILE and/or --pdf FILE");
        }
        if (timelineLimit < 1) {
            throw new UsageException("--timeline-limit must be at least 1, was " + timelineLimit);
        }
        Optional<ReferencePack> pack;
        try {
            pack = Optional.ofNullable(references).map(ReferencePacks::load);
        } catch (ReferencePackException e) {
            throw new UsageException(e.getMessage());
        }
        try (Casework w = Casework.open(options)) {
            CaseFile c = w.caseFile(caseId);
            w.require(CaseAction.REPORT, Optional.of(c));
            boolean reveal = w.mayReveal(c) && !pseudonymous;
            Map<String, String> details = new LinkedHashMap<>();
            details.put("names", reveal ? "revealed" : "pseudonyms");
            pack.ifPresent(p -> details.put("references", p.id()));
            w.record(CaseAction.REPORT.auditName(), c, details);
            if (reveal) {
                for (String user : c.subjects()) {
                    w.record(CaseAction.REVEAL.auditName(), w.pseudonym(user), List.of(c.id()),
                            Map.of("in", "case.report"));
                }
            }
            CaseReport report = new CaseReportAssembler(new CaseReportAssembler.Sources(w.store(), w.data(),
                    w::pseudonym, w.people(), w::trail, timelineLimit, "give --timeline-limit to see more"))
                    .assemble(c, reveal, pack, new CaseReportAssembler.PreparedFor(w.operator().name(), w.role().id(),
                            w.operator().host(), w.now()));
            PrintWriter out = spec.commandLine().getOut();
            if (html != null) {
                HtmlCaseReport.write(report, html);
                out.println("html: " + html.toAbsolutePath());
            }
            if (pdf != null) {
                PdfCaseReport.write(report, pdf);
                out.println("pdf: " + pdf.toAbsolutePath());
            }
            out.println(c.id() + ": " + report.timeline().size() + " events, " + report.findings().size()
                    + " indicators, " + report.evidence().size() + " evidence, " + report.audit().size()
                    + " audit entries" + (reveal ? "; names revealed (audited)" : "; subjects as pseudonyms"));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
