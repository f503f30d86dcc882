package org.custos.cli.casework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.core.casefile.CaseFile;
import org.custos.core.casefile.CaseNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** CaseNoteCommand is {@code custos case note}: appends a note to a case; notes are never edited. */
@Command(name = "note", mixinStandardHelpOptions = true,
        description = {"Add a note to a case (the words after CASE; '-' reads it from standard input).", "",
                "Notes are never edited or removed. Allowed for investigators."})
final class CaseNoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.")
    String caseId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note.")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        String text = words.size() == 1 && words.get(0).equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : String.join(" ", words);
        if (text.isBlank()) {
            throw new UsageException("a note needs text");
        }
        try (Casework w = Casework.open(options)) {
            CaseFile c = w.caseFile(caseId);
            w.require(CaseAction.NOTE, Optional.of(c));
            if (!c.isActive()) {
                throw w.refuse(CaseAction.NOTE, Optional.of(c), c.id() + " is closed; reopen it with "
                        + "'custos case status " + c.id() + " investigating' to add notes");
            }
            CaseNote note = w.store().addNote(c.id(), w.operator().name(), w.now(), text.strip());
            w.record(CaseAction.NOTE.auditName(), c, Map.of("note", String.valueOf(note.seq())));
            spec.commandLine().getOut().println(c.id() + ": note #" + note.seq() + " added");
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
