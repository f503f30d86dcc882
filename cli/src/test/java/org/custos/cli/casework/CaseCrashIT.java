package org.custos.cli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.cli.CommandRun;
import org.custos.core.casefile.CaseNote;
import org.custos.store.Store;
import org.custos.store.Stores;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.AuditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL while adding notes to a case loses no acknowledged note and leaves the case and its
 * audit log consistent.
 */
class CaseCrashIT {

    @TempDir
    Path dir;

    @Test
    void killedWhileAddingNotesLosesNothingAcknowledgedAndLeavesNoHalfNote() throws Exception {
        Path data = dir.resolve("data");
        CaseData.fill(data);
        assertThat(CommandRun.of("account", "add", "boss", "--role", "admin", "--data", data.toString()).code())
                .isZero();
        assertThat(CommandRun.of("account", "add", "ivan", "--role", "investigator", "--as", "boss", "--data",
                data.toString()).code()).isZero();
        CommandRun open = CommandRun.of("case", "open", "--alert", CaseData.ALERT, "--as", "ivan", "--data",
                data.toString());
        Matcher m = Pattern.compile("opened (C-\\d{4}-\\d{4})").matcher(open.out());
        assertThat(m.find()).as(open.out() + open.err()).isTrue();
        String id = m.group(1);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NoteWriter.class.getName(), data.toString(), id, "ivan")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acked = 0;
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("ack ")) {
                    acked = Integer.parseInt(line.substring(4));
                    if (acked >= 12) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked).as(String.join("\n", lines)).isGreaterThanOrEqualTo(12);

        List<CaseNote> notes;
        try (Store store = Stores.open(data.toString())) {
            notes = store.notes(id);
            assertThat(store.caseFile(id)).isPresent();
        }
        assertThat(notes.size()).isGreaterThanOrEqualTo(acked);
        for (int i = 0; i < notes.size(); i++) {
            assertThat(notes.get(i).seq()).isEqualTo(i + 1);
            assertThat(notes.get(i).text()).isEqualTo("note-" + (i + 1));
        }

        try (AuditLog log = AuditLog.open(data, Clock.systemUTC())) {
            assertThat(log.verify().ok()).as(log.verify().summary()).isTrue();
        }
        List<AuditRecord> records = new ArrayList<>();
        AuditLog.read(data, 0, records::add);
        assertThat(records.stream().filter(r -> r.entry().action().equals("case.note")).count())
                .isGreaterThanOrEqualTo(acked);

        CommandRun after = CommandRun.of("case", "note", id, "after the crash", "--as", "ivan", "--data",
                data.toString());
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out()).contains("note #" + (notes.size() + 1) + " added");
    }
}
