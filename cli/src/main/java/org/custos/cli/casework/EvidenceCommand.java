package org.custos.cli.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.Evidence;
import org.custos.report.EvidenceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** EvidenceCommand is {@code custos case evidence}: files and events attached to a case, and their check. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Attach files or events to a case as evidence, or re-check the evidence's SHA-256.", "",
                "Evidence is stored byte for byte, named by its SHA-256, and never altered."},
        subcommands = {EvidenceCommand.Add.class, EvidenceCommand.Events.class, EvidenceCommand.Verify.class})
final class EvidenceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The lower-case hex SHA-256 of bytes. */
    static String sha256(byte[] bytes) {
        return EvidenceCheck.sha256(bytes);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** {@code custos case evidence add CASE FILE...}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Attach files to a case; each is stored unaltered with its SHA-256.", "",
                    "An assessment.json (custos assess) or a mark trace JSON attached here is summarized in the "
                            + "case report. Allowed for investigators."})
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CaseOptions options;

        @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
        String caseId;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files to attach.")
        List<Path> files;

        @Option(names = "--description", paramLabel = "TEXT", defaultValue = "",
                description = "Why the evidence matters.")
        String description;

        @Override
        public Integer call() throws IOException {
            List<String> problems = new ArrayList<>();
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    problems.add(f + ": " + (Files.exists(f) ? "not a regular file" : "no such file"));
                } else if (!Files.isReadable(f)) {
                    problems.add(f + ": not readable");
                }
            }
            if (!problems.isEmpty()) {
                throw new UsageException(String.join("\n", problems));
            }
            try (Casework w = Casework.open(options)) {
                CaseFile c = w.activeCase(caseId, CaseAction.EVIDENCE_ADD, "reopen it to add evidence");
                PrintWriter out = spec.commandLine().getOut();
                for (Path f : files) {
                    MessageDigest md = digest();
                    Evidence e;
                    try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                        e = w.store().addFileEvidence(c.id(), f.getFileName().toString(), in, w.operator().name(),
                                w.now(), description);
                    }
                    String read = HexFormat.of().formatHex(md.digest());
                    if (!read.equals(e.sha256())) {
                        throw new IllegalStateException(f + ": the store recorded sha256 " + e.sha256()
                                + " but the file read as " + read + "; was it changing while being added?");
                    }
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("evidence", e.id());
                    details.put("sha256", e.sha256());
                    details.put("name", e.name());
                    w.record(CaseAction.EVIDENCE_ADD.auditName(), c, details);
                    out.println(e.id() + "  " + e.name() + "  sha256 " + e.sha256() + "  " + e.size() + " bytes");
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code custos case evidence events CASE EVENT-ID...}. */
    @Command(name = "events", mixinStandardHelpOptions = true,
            description = {"Attach stored events of a subject to a case; they are frozen as canonical JSON with its "
                    + "SHA-256, so they outlive event retention.", "", "Allowed for investigators."})
    static final class Events implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CaseOptions options;

        @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
        String caseId;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "EVENT-ID", description = "Event ids.")
        List<String> eventIds;

        @Option(names = "--subject", paramLabel = "USER",
                description = "Whose events (pseudonym or account id). Default: the case's only subject.")
        String subject;

        @Option(names = "--label", paramLabel = "TEXT", description = "A short label. Default: the first event id.")
        String label;

        @Option(names = "--description", paramLabel = "TEXT", defaultValue = "",
                description = "Why the events matter.")
        String description;

        @Override
        public Integer call() {
            try (Casework w = Casework.open(options)) {
                CaseFile c = w.activeCase(caseId, CaseAction.EVIDENCE_ADD, "reopen it to add evidence");
                String user;
                if (subject != null) {
                    user = w.person(subject);
                    if (!c.subjects().contains(user)) {
                        throw new UsageException(c.id() + " does not cover " + subject);
                    }
                } else if (c.subjects().size() == 1) {
                    user = c.subjects().get(0);
                } else {
                    throw new UsageException(c.id() + " covers " + c.subjects().size()
                            + " people: say whose events with --subject");
                }
                List<String> ids = eventIds.stream().map(String::strip).distinct().toList();
                Evidence e;
                try {
                    e = w.store().addEventEvidence(c.id(), label == null ? ids.get(0) + (ids.size() > 1
                            ? " and " + (ids.size() - 1) + " more" : "") : label, user, ids, w.operator().name(),
                            w.now(), description);
                } catch (IllegalArgumentException ex) {
                    throw new UsageException(ex.getMessage().replace(user, w.pseudonym(user)));
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("evidence", e.id());
                details.put("sha256", e.sha256());
                details.put("events", String.valueOf(ids.size()));
                w.record(CaseAction.EVIDENCE_ADD.auditName(), w.pseudonym(user), List.of(c.id()), details);
                spec.commandLine().getOut().println(e.id() + "  " + ids.size() + " event(s) of " + w.pseudonym(user)
                        + "  sha256 " + e.sha256() + "  " + e.size() + " bytes");
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code custos case evidence verify CASE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-hash every piece of a case's evidence and compare with the SHA-256 recorded when it "
                    + "was added.", "", "Exit code 1 when any piece no longer matches. Allowed for investigators and "
                    + "auditors."})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CaseOptions options;

        @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
        String caseId;

        @Override
        public Integer call() {
            try (Casework w = Casework.open(options)) {
                CaseFile c = w.caseFile(caseId);
                w.require(CaseAction.EVIDENCE_VERIFY, Optional.of(c));
                PrintWriter out = spec.commandLine().getOut();
                int bad = 0;
                List<Evidence> all = w.store().evidence(c.id());
                for (Evidence e : all) {
                    String check = check(w, e);
                    if (!"intact".equals(check)) {
                        bad++;
                    }
                    out.println(e.id() + "  " + e.name() + "  " + check);
                }
                w.record(CaseAction.EVIDENCE_VERIFY.auditName(), c, Map.of("checked", String.valueOf(all.size()),
                        "failed", String.valueOf(bad)));
                out.println(bad == 0 ? "all " + all.size() + " piece(s) of evidence intact"
                        : bad + " of " + all.size() + " piece(s) of evidence FAILED the check");
                out.flush();
                return bad == 0 ? ExitCodes.OK : ExitCodes.PROBLEM;
            }
        }
    }

    /** Re-hashes a piece of evidence: {@code intact}, or what is wrong with it. */
    static String check(Casework w, Evidence e) {
        return EvidenceCheck.check(w.store(), e);
    }
}
