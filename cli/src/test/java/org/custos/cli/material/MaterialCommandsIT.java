package org.custos.cli.material;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.custos.cli.CommandRun;
import org.custos.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registers documents at several levels with the real commands, assesses suspect files and checks the report. */
class MaterialCommandsIT {

    static final String BANNER = "CONFIDENTIAL. This document contains state secrets. Unauthorized disclosure is "
            + "punishable under the Law on Guarding State Secrets.\n";
    static final String PLAN = "The second stage igniter will be fired at the northern range on three consecutive "
            + "nights, using the modified injector plate designed by the thermal group. Results are reported only "
            + "to the program office. The telemetry link uses the new encrypted band with a fallback to the legacy "
            + "channel if the primary receiver fails during the ascent phase of the flight.";
    static final String PLAN_PASSAGE = "using the modified injector plate designed by the thermal group. Results "
            + "are reported only to the program office";
    static final String ZH = "本项目的第二阶段试验将在北部试验场连续进行三个夜晚，使用热工组设计的改进型喷注器，试验结果只向项目办公室"
            + "报告。遥测链路使用新的加密频段，如果主接收机在上升阶段失效，则切换到旧信道。";
    static final String ZH_PASSAGE = "遥测链路使用新的加密频段，如果主接收机在上升阶段失效，则切换到旧信道";
    static final String MIXED = "Aurora 项目 budget: 风洞 wind tunnel 第三期 phase three will cost 四千万元 forty "
            + "million yuan, funded by the 国防科工局 defence science office over two years from next spring.";
    static final String PUBLIC = "Our institute welcomes visitors every Saturday. The museum shows the history of "
            + "rocketry, from early fireworks to modern launchers, and the café serves lunch until two o'clock.";

    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void registerMaterial() throws IOException {
        data = tmp.resolve("data");
        Path conf = Files.createDirectories(tmp.resolve("registered/confidential"));
        Files.write(conf.resolve("plan.docx"), docx(BANNER + PLAN));
        Path top = Files.createDirectories(tmp.resolve("registered/top"));
        Files.writeString(top.resolve("zh.txt"), BANNER + ZH);
        Path secret = Files.createDirectories(tmp.resolve("registered/secret"));
        Files.writeString(secret.resolve("mixed.txt"), BANNER + MIXED);
        Files.writeString(secret.resolve("minutes.txt"), BANNER + "Minutes of the review board held in the main "
                + "building on Tuesday; the board approved the schedule and asked for a new cost estimate.");
        assertThat(CommandRun.of("registry", "add", "--data", data.toString(), "--level", "confidential", "--project",
                "aurora", "--owner", "li", conf.toString()).code()).isZero();
        assertThat(CommandRun.of("registry", "add", "--data", data.toString(), "--level", "top-secret",
                top.toString()).code())
                .isZero();
        assertThat(CommandRun.of("registry", "add", "--data", data.toString(), "--level", "secret",
                secret.toString()).code())
                .isZero();
    }

    @Test
    void assessmentFindsExactlyTheCopiedItemsAndMatchesThePublishedSchema() throws Exception {
        Path suspects = Files.createDirectories(tmp.resolve("seized"));
        String copy = "Lunch notes, nothing special here, just some words about the canteen and the bus.\n"
                + "He said: " + PLAN_PASSAGE + ", which I wrote down quickly.\n"
                + "然后他又说：" + ZH_PASSAGE + "。大家都笑了，我们去喝茶。\n";
        Files.writeString(suspects.resolve("a-copy.txt"), copy);
        Files.writeString(suspects.resolve("b-public.txt"), PUBLIC);
        Files.writeString(suspects.resolve("c-banner.txt"), "Cover sheet\n" + BANNER + "Page 1 of 1");
        byte[] docx = docx(PLAN);
        Files.write(suspects.resolve("d-corrupt.docx"), Arrays.copyOf(docx, docx.length / 2));
        Path report = tmp.resolve("assessment.json");
        Path html = tmp.resolve("assessment.html");

        CommandRun o = CommandRun.of("assess", "--data", data.toString(), suspects.toString(), "--report",
                report.toString(),
                "--html", html.toString());

        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("d-corrupt.docx: not assessed:");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(Path.of("..", "docs", "assessment.schema.json")));
        assertThat(schema.validate(json)).isEmpty();
        JsonNode files = json.get("files");
        assertThat(files).hasSize(4);

        JsonNode a = files.get(0);
        assertThat(a.get("path").asText()).endsWith("a-copy.txt");
        assertThat(a.get("status").asText()).isEqualTo("assessed");
        assertThat(a.get("highestLevel").asText()).isEqualTo("top-secret");
        assertThat(a.get("verdict").asText()).isEqualTo("contains 2 registered items, highest level top-secret");
        List<String> names = new ArrayList<>();
        a.get("matches").forEach(m -> names.add(m.get("itemName").asText()));
        assertThat(names).containsExactly("plan.docx", "zh.txt");
        assertSpan(copy, a.get("matches").get(0), PLAN_PASSAGE);
        assertSpan(copy, a.get("matches").get(1), ZH_PASSAGE);
        JsonNode zhMatch = a.get("matches").get(1);
        String zhItem = BANNER + ZH;
        assertThat(substring(zhItem, zhMatch.get("itemStart").asInt(), zhMatch.get("itemEnd").asInt()))
                .isEqualTo(ZH_PASSAGE);

        JsonNode b = files.get(1);
        assertThat(b.get("verdict").asText()).isEqualTo("no registered material");
        assertThat(b.get("highestLevel").isNull()).isTrue();
        assertThat(b.get("matches")).isEmpty();

        JsonNode c = files.get(2);
        assertThat(c.get("status").asText()).isEqualTo("assessed");
        assertThat(c.get("matches")).as("a banner shared by every item is boilerplate").isEmpty();

        JsonNode d = files.get(3);
        assertThat(d.get("status").asText()).isEqualTo("not-assessed");
        assertThat(d.get("reason").asText()).isNotBlank();
        assertThat(d.get("highestLevel").isNull()).isTrue();

        String page = Files.readString(html);
        assertThat(page).contains("<mark>" + PLAN_PASSAGE.substring(0, 20)).contains("plan.docx")
                .contains("no registered material").doesNotContain("<script");
    }

    @Test
    void aMixedChineseAndEnglishPassageIsFound() throws IOException {
        String passage = MIXED.substring(MIXED.indexOf("风洞"), MIXED.indexOf(" over two"));
        Path suspect = Files.writeString(tmp.resolve("mixed-copy.txt"), "见附件。" + passage + " 谢谢");
        Path report = tmp.resolve("r.json");
        assertThat(CommandRun.of("assess", "--data", data.toString(), suspect.toString(), "--report", report.toString())
                .code()).isZero();
        JsonNode match = new ObjectMapper().readTree(report.toFile()).get("files").get(0).get("matches").get(0);
        assertThat(match.get("itemName").asText()).isEqualTo("mixed.txt");
        assertThat(match.get("level").asText()).isEqualTo("secret");
        assertSpan("见附件。" + passage + " 谢谢", match, passage);
    }

    @Test
    void registeringTheSameFilesAgainChangesNothing() {
        CommandRun again = CommandRun.of("registry", "add", "--data", data.toString(), "--level", "secret",
                tmp.resolve("registered/secret").toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already registered").doesNotContain("added");
        CommandRun list = CommandRun.of("registry", "list", "--data", data.toString());
        assertThat(list.out()).contains("plan.docx", "zh.txt", "mixed.txt", "minutes.txt", "4 items, scheme prc");
    }

    @Test
    void anUnknownLevelIsOneLineNamingTheAllowedLevels() {
        CommandRun o = CommandRun.of("registry", "add", "--data", data.toString(), "--level", "restricted",
                tmp.resolve("registered").toString());
        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err().strip()).isEqualTo("custos: --level: unknown level 'restricted' in scheme prc, "
                + "expected one of [secret, confidential, top-secret]");
    }

    @Test
    void showAndRemoveFindItemsByName() {
        CommandRun show = CommandRun.of("registry", "show", "--data", data.toString(), "zh.txt");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("level:   top-secret (scheme prc)").contains("本项目的第二阶段");
        assertThat(CommandRun.of("registry", "remove", "--data", data.toString(),
                "zh.txt").out()).startsWith("removed ");
        CommandRun gone = CommandRun.of("registry", "show", "--data", data.toString(), "zh.txt");
        assertThat(gone.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(gone.err()).contains("no registered item 'zh.txt'");
    }

    @Test
    void assessingAgainstAnEmptyRegistryIsAUsageError() throws IOException {
        Path suspect = Files.writeString(tmp.resolve("x.txt"), PUBLIC);
        CommandRun o = CommandRun.of("assess", "--data", tmp.resolve("empty").toString(), suspect.toString(),
                "--report",
                tmp.resolve("r.json").toString());
        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("registry is empty");
    }

    private static void assertSpan(String suspect, JsonNode match, String expected) {
        String found = substring(suspect, match.get("suspectStart").asInt(), match.get("suspectEnd").asInt());
        assertThat(found).isEqualTo(expected);
    }

    private static String substring(String text, int startCodePoint, int endCodePoint) {
        int[] cps = text.codePoints().toArray();
        return new String(cps, startCodePoint, endCodePoint - startCodePoint);
    }

    private static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String paragraph : text.split("\n")) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
