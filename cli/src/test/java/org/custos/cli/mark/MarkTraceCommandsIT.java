package org.custos.cli.mark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.cli.CommandRun;
import org.custos.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registers an item, marks copies for two recipients with the real commands and traces leaked files. */
class MarkTraceCommandsIT {

    static final String MEMO = """
            Field Trial Schedule for the Aurora Programme

            The trial team will assemble at the northern range on Monday, and the first firing is normally planned \
            for the following evening. Each member of the team must carry a badge, and visitors are never admitted \
            to the range. The range officer will verify the weather before every firing, and the officer will \
            cancel the firing if the wind is too strong.

            Therefore, the schedule is often changed at short notice, so members should check the notice board \
            every morning. The test articles are kept in the secure store until the day of the firing, and they \
            are inspected by the quality engineer before they are released. Results are usually reported within \
            two days, although the full analysis takes longer.

            Furthermore, the telemetry data must not be copied to removable media, and it must not be taken out of \
            the building. The data are analysed in the secure room, which is open until eight o'clock, and the \
            results are examined by the programme office before they are circulated. Copies of the results are \
            numbered, and each copy carries the name of its recipient.

            Finally, the team leader assesses the trial at the end of the week, and the assessment is recorded in \
            the trial log. Questions about the schedule should be addressed to the programme office, which \
            maintains it and reviews it every week, since the range is shared with other programmes.
            """;

    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void register() throws IOException {
        data = tmp.resolve("data");
        Path memo = Files.writeString(tmp.resolve("schedule.txt"), MEMO);
        assertThat(CommandRun.of("registry", "add", "--data", data.toString(), "--level", "confidential",
                memo.toString()).code()).isZero();
    }

    private CommandRun mark(String recipient, String out) {
        return CommandRun.of("mark", "schedule.txt", "--data", data.toString(), "--recipient", recipient,
                "--purpose", "trial review", "--by", "clerk", "--out", tmp.resolve(out).toString());
    }

    @Test
    void marksAPdfCopyAndTracesItToItsRecipientWithJson() throws IOException {
        CommandRun marked = mark("ACM2278", "alice.pdf");
        assertThat(mark("BBJ0002", "bob.pdf").code()).isZero();

        CommandRun traced = CommandRun.of("trace", tmp.resolve("alice.pdf").toString(), "--data", data.toString(),
                "--json", tmp.resolve("trace.json").toString());

        assertThat(marked.code()).isZero();
        assertThat(marked.out()).startsWith("marked  copy ").contains(" of schedule.txt ").contains(" for ACM2278: ");
        assertThat(traced.code()).isZero();
        assertThat(traced.out()).contains(": identified: copy ").contains("issued to ACM2278")
                .contains("qr: 5 x valid");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("trace.json").toFile());
        JsonNode file = json.get("files").get(0);
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("status").asText()).isEqualTo("identified");
        assertThat(file.get("copies").get(0).get("recipient").asText()).isEqualTo("ACM2278");
        assertThat(file.get("copies").get(0).get("issued").asText()).endsWith("Z");
        assertThat(file.get("evidence").get("canary").get(0).get("identified").asText())
                .isEqualTo(file.get("copies").get(0).get("copy").asText());
    }

    @Test
    void tracesRetypedTextAndSaysNoMarkForOtherText() throws IOException {
        assertThat(mark("ACM2278", "alice.txt").code()).isZero();
        assertThat(mark("BBJ0002", "bob.txt").code()).isZero();
        String bob = Files.readString(tmp.resolve("bob.txt"));
        Path retyped = Files.writeString(tmp.resolve("retyped.txt"),
                bob.substring(bob.indexOf("The trial team"), bob.indexOf("Questions about")).replaceAll("\\s+", " "));
        Path other = Files.writeString(tmp.resolve("other.txt"), "Lunch is served in the canteen from noon.");

        CommandRun traced = CommandRun.of("trace", retyped.toString(), other.toString(), "--data", data.toString());

        assertThat(traced.code()).isZero();
        assertThat(traced.out()).contains("retyped.txt: identified: copy ").contains("issued to BBJ0002")
                .contains("other.txt: no-mark: no mark found");
        assertThat(traced.out()).doesNotContain("ACM2278");
    }

    @Test
    void refusesAnUnknownItemAndAnUnknownFormat() {
        CommandRun unknown = CommandRun.of("mark", "nothing.txt", "--data", data.toString(), "--recipient", "x",
                "--purpose", "y", "--out", tmp.resolve("c.pdf").toString());
        CommandRun format = mark("ACM2278", "copy.odt");

        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("nothing.txt: no such registered item");
        assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("unknown copy format");
        assertThat(Files.exists(tmp.resolve("copy.odt"))).isFalse();
    }

    @Test
    void reportsAnUnreadableFileWithExitCodeTwo() {
        CommandRun traced = CommandRun.of("trace", tmp.resolve("missing.pdf").toString(), "--data", data.toString());

        assertThat(traced.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(traced.err()).contains("missing.pdf: unreadable: no such file");
    }
}
