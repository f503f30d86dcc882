package org.custos.cli.material;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.cli.CommandRun;
import org.custos.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registers items with projects, writes a small CERT r6.x directory in which one person leaves after January, and
 * checks what {@code custos exposure} and {@code custos provenance} print and write.
 */
class ExposureCommandsIT {

    static final String LDAP_HEADER =
            "employee_name,user_id,email,role,projects,business_unit,functional_unit,department,team,supervisor\n";
    static final String JANUARY = LDAP_HEADER + """
            Alice Smith,AAS0001,alice@dtaa.com,Engineer,Project 1;Project 2,1,Research,Propulsion,Team A,
            Bob Jones,BBJ0002,bob@dtaa.com,Engineer,Project 1,2,Research,Propulsion,Team A,Alice Smith
            Carol White,CCW0003,carol@dtaa.com,Clerk,,1,Admin,Office,Team B,Alice Smith
            """;
    static final String FEBRUARY = LDAP_HEADER + """
            Alice Smith,AAS0001,alice@dtaa.com,Engineer,Project 1;Project 2,1,Research,Propulsion,Team A,
            Carol White,CCW0003,carol@dtaa.com,Clerk,,1,Admin,Office,Team B,Alice Smith
            """;
    static final String FILES = """
            id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content
            {F1},01/05/2010 09:00:00,BBJ0002,PC-1,C:\\Users\\bob\\Documents\\PLAN.TXT,File Open,False,False,rocket
            {F2},01/20/2010 17:30:00,BBJ0002,PC-1,R:\\plan.txt,File Copy,True,False,rocket
            {F3},02/03/2010 10:00:00,CCW0003,PC-2,C:\\Users\\carol\\lunch.txt,File Open,False,False,lunch
            {F4},02/04/2010 10:00:00,AAS0001,PC-3,C:\\Users\\alice\\plan.txt.bak,File Open,False,False,rocket
            """;
    static final String EMAILS = """
            id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content
            {E1},02/10/2010 11:00:00,CCW0003,PC-2,x@example.org,,,carol@dtaa.com,Send,2000,C:\\Users\\carol\\plan.txt(1234),hello
            """;

    @TempDir
    Path tmp;
    Path data;
    Path input;
    String planId;

    @BeforeEach
    void registerItemsAndWriteDirectory() throws IOException {
        data = tmp.resolve("data");
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("plan.txt"), "The second stage igniter will be fired at the northern range.");
        Files.writeString(docs.resolve("memo.txt"), "The budget for the wind tunnel is forty million yuan.");
        CommandRun plan = CommandRun.of("registry", "add", "--data", data.toString(), "--level", "confidential",
                "--project",
                "Project 1", docs.resolve("plan.txt").toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        planId = plan.out().split("\\s+")[1];
        assertThat(CommandRun.of("registry", "add", "--data", data.toString(), "--level", "top-secret", "--project",
                "Project 2", docs.resolve("memo.txt").toString()).code()).isZero();

        input = Files.createDirectories(tmp.resolve("cert"));
        Path ldap = Files.createDirectories(input.resolve("LDAP"));
        Files.writeString(ldap.resolve("2010-01.csv"), JANUARY);
        Files.writeString(ldap.resolve("2010-02.csv"), FEBRUARY);
        Files.writeString(input.resolve("file.csv"), FILES);
        Files.writeString(input.resolve("email.csv"), EMAILS);
    }

    @Test
    void exposureOfADepartedPersonListsGrantsItemsAndCopies() throws IOException {
        Path json = tmp.resolve("bob.json");

        CommandRun o = CommandRun.of("exposure", "BBJ0002", "--data", data.toString(), "--input",
                input.toString(), "--json",
                json.toString());

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("exposure of BBJ0002 (Bob Jones): left 2010-01-31; former staff\n");
        assertThat(o.out()).contains("projects granted: 1\n")
                .containsPattern("  Project 1 +2010-01 \\.\\. 2010-01  subsidiary 2\n")
                .contains("registered items of those projects: 1\n")
                .containsPattern("  " + planId + "  confidential +Project 1 +plan.txt\n")
                .contains("registered items in file events or attachments: 1\n")
                .contains("plan.txt  (2 file events, 0 attachments, 2010-01-05T09:00:00Z .. 2010-01-20T17:30:00Z)")
                .doesNotContain("memo.txt");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("person").asText()).isEqualTo("BBJ0002");
        assertThat(root.get("left").asText()).isEqualTo("2010-01-31");
        assertThat(root.get("formerStaff").asBoolean()).isTrue();
        assertThat(root.get("projects")).hasSize(1);
        JsonNode project = root.get("projects").get(0);
        assertThat(project.get("project").asText()).isEqualTo("Project 1");
        assertThat(project.get("firstMonth").asText()).isEqualTo("2010-01");
        assertThat(project.get("lastMonth").asText()).isEqualTo("2010-01");
        assertThat(project.get("subsidiaries").get(0).asText()).isEqualTo("2");
        assertThat(project.get("items").get(0).get("id").asText()).isEqualTo(planId);
        JsonNode copy = root.get("copies").get(0);
        assertThat(copy.get("name").asText()).isEqualTo("plan.txt");
        assertThat(copy.get("fileEvents").asInt()).isEqualTo(2);
        assertThat(copy.get("first").asText()).isEqualTo("2010-01-05T09:00:00Z");
    }

    @Test
    void exposureOfCurrentStaffFoundByNameListsEveryProject() {
        CommandRun o = CommandRun.of("exposure", "alice smith", "--data", data.toString(), "--input", input.toString());

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("exposure of AAS0001 (Alice Smith): employed since 2010-01-01; current staff\n")
                .contains("projects granted: 2\n")
                .containsPattern("  Project 1 +2010-01 \\.\\. 2010-02  subsidiary 1\n")
                .containsPattern("  Project 2 +2010-01 \\.\\. 2010-02  subsidiary 1\n")
                .contains("registered items of those projects: 2\n")
                .contains("registered items in file events or attachments: 0\n");
    }

    @Test
    void provenanceListsGrantedPeopleAndPeopleWithCopies() throws IOException {
        Path json = tmp.resolve("plan.json");

        CommandRun o = CommandRun.of("provenance", "plan.txt", "--data", data.toString(), "--input",
                input.toString(), "--json",
                json.toString());

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("provenance of " + planId + "  plan.txt  (confidential, project Project 1)\n")
                .contains("granted project Project 1: 2\n")
                .containsPattern("  AAS0001 +Alice Smith +2010-01 \\.\\. 2010-02  subsidiary 1  current staff\n")
                .containsPattern("  BBJ0002 +Bob Jones +2010-01 \\.\\. 2010-01  subsidiary 2  left 2010-01-31; "
                        + "former staff\n")
                .contains("file events or attachments naming plan.txt: 2\n")
                .containsPattern("  BBJ0002 +Bob Jones +2 file events, 0 attachments, 2010-01-05T09:00:00Z \\.\\. "
                        + "2010-01-20T17:30:00Z  left 2010-01-31; former staff\n")
                .containsPattern("  CCW0003 +Carol White +0 file events, 1 attachments, 2010-02-10T11:00:00Z \\.\\. "
                        + "2010-02-10T11:00:00Z  current staff\n")
                .doesNotContain("AAS0001 +Alice Smith +1 file events");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("item").get("id").asText()).isEqualTo(planId);
        List<String> granted = new ArrayList<>();
        root.get("granted").forEach(g -> granted.add(g.get("user").asText()));
        assertThat(granted).containsExactly("AAS0001", "BBJ0002");
        assertThat(root.get("granted").get(0).has("left")).isFalse();
        assertThat(root.get("granted").get(1).get("left").asText()).isEqualTo("2010-01-31");
        List<String> holders = new ArrayList<>();
        root.get("copies").forEach(c -> holders.add(c.get("user").asText() + ":" + c.get("fileEvents").asInt() + ":"
                + c.get("attachments").asInt()));
        assertThat(holders).containsExactly("BBJ0002:2:0", "CCW0003:0:1");
    }

    @Test
    void unknownPersonIsOneLineAndExitTwo() {
        CommandRun o = CommandRun.of("exposure", "ZZZ9999", "--data", data.toString(), "--input", input.toString());

        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().strip()).isEqualTo("custos: 'ZZZ9999' is in no LDAP snapshot and no event in " + input);
    }

    @Test
    void unknownItemIsOneLineAndExitTwo() {
        CommandRun o = CommandRun.of("provenance", "nothing.pdf", "--data", data.toString(), "--input",
                input.toString());

        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err().strip()).isEqualTo("custos: no registered item 'nothing.pdf' (see custos registry list)");
    }

    @Test
    void missingInputDirectoryIsOneLineAndExitTwo() {
        Path missing = tmp.resolve("no-such-dir");

        CommandRun exposure = CommandRun.of("exposure", "BBJ0002", "--data", data.toString(), "--input",
                missing.toString());
        CommandRun provenance = CommandRun.of("provenance", "plan.txt", "--data", data.toString(), "--input",
                missing.toString());

        for (CommandRun o : List.of(exposure, provenance)) {
            assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err().strip()).isEqualTo("custos: " + missing + ": no such directory");
        }
    }

    @Test
    void assessmentEndsWithThePeopleWhoHadAccessToEveryMatchedItem() throws IOException {
        Path design = Files.writeString(tmp.resolve("docs").resolve("design.txt"), "The second stage igniter of the "
                + "new engine will be fired three times at the northern range before the review board meets in "
                + "spring, and the telemetry will be kept in the sealed archive of the institute.");
        CommandRun added = CommandRun.of("registry", "add", "--data", data.toString(), "--level", "secret", "--project",
                "Project 1", design.toString());
        assertThat(added.code()).as(added.err()).isZero();
        String designId = added.out().split("\\s+")[1];
        Path leak = Files.writeString(tmp.resolve("leak.txt"), "Overheard at dinner: the second stage igniter of "
                + "the new engine will be fired three times at the northern range before the review board meets "
                + "in spring, they said.");
        Path report = tmp.resolve("assessment.json");

        CommandRun o = CommandRun.of("assess", leak.toString(), "--data", data.toString(), "--input", input.toString(),
                "--report", report.toString());

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("candidate sources (had access to every matched item; leads, not findings): "
                + "AAS0001, BBJ0002")
                .contains("BBJ0002  " + designId + ": granted Project 1 2010-01..2010-01; left 2010-01-31");
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertThat(root.get("files").get(0).get("matches").get(0).get("item").asText()).isEqualTo(designId);
        assertThat(root.get("candidateSourcesOverall")).extracting(JsonNode::asText)
                .containsExactly("AAS0001", "BBJ0002");
        assertThat(root.get("candidateSources").get(leak.toString())).hasSize(2);
    }
}
