package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One 200-person, 240-day run with insiders, checked file by file. */
class SimulatorOutputTest {

    private static final SimulationConfig CONFIG = new SimulationConfig(200, 240, 7, SimulationConfig.DEFAULT_START,
            true);
    private static final String ID = "\\{[A-Z0-9]{4}-[A-Z0-9]{8}-[A-Z0-9]{8}}";
    private static final String DATE = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}";

    @TempDir
    static Path dir;
    static SimulationSummary summary;
    static Map<Integer, List<String>> insiderRows;
    static Map<Integer, List<String>> insiderIndex;

    @BeforeAll
    static void simulate() throws IOException {
        summary = Simulator.run(CONFIG, dir);
        insiderRows = new TreeMap<>();
        insiderIndex = new TreeMap<>();
        for (String line : CsvRows.data(dir.resolve("answers/insiders.csv"))) {
            List<String> fields = CsvRows.fields(line);
            int scenario = Integer.parseInt(fields.get(1));
            insiderIndex.put(scenario, fields);
            insiderRows.put(scenario, CsvRows.lines(dir.resolve("answers").resolve(fields.get(2))));
        }
    }

    @Test
    void writesTheExactHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("logon.csv", "id,date,user,pc,activity");
        headers.put("device.csv", "id,date,user,pc,file_tree,activity");
        headers.put("file.csv",
                "id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content");
        headers.put("email.csv", "id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content");
        headers.put("http.csv", "id,date,user,pc,url,activity,content");
        headers.put("psychometric.csv", "employee_name,user_id,O,C,E,A,N");
        headers.put("decoy_file.csv", "decoy_filename,pc");
        headers.put("badge.csv", "id,date,user,site,door,direction");
        headers.put("print.csv", "id,date,user,pc,printer,document,pages");
        headers.put("custody.csv", "id,date,user,serial,item,action,location");
        headers.put("personnel.csv", "id,date,user,event,details");
        headers.put("answers/insiders.csv", "dataset,scenario,details,user,start,end");
        headers.put("LDAP/2010-01.csv", "employee_name,user_id,email,role,projects,business_unit,functional_unit,"
                + "department,team,supervisor,clearance");
        headers.forEach((file, header) -> assertThat(CsvRows.lines(dir.resolve(file)).get(0)).as(file)
                .isEqualTo(header));
    }

    @Test
    void everyEventFileIsSortedByDateWithWellFormedRows() {
        for (FeedKind kind : FeedKind.values()) {
            int columns = kind.header().split(",").length;
            LocalDateTime[] previous = {LocalDateTime.MIN};
            long[] rows = {0};
            try (Stream<String> lines = CsvRows.stream(dir.resolve(kind.fileName()))) {
                lines.forEach(line -> {
                    List<String> fields = CsvRows.fields(line);
                    assertThat(fields).as(kind + " row " + line).hasSize(columns);
                    assertThat(fields.get(0)).matches(ID);
                    assertThat(fields.get(1)).matches(DATE);
                    LocalDateTime date = CsvRows.date(fields.get(1));
                    assertThat(date).as(kind + " order at " + line).isAfterOrEqualTo(previous[0]);
                    previous[0] = date;
                    rows[0]++;
                });
            }
            assertThat(rows[0]).as(kind + " rows").isEqualTo(summary.eventsPerFile().get(kind.fileName()));
            assertThat(previous[0]).as(kind + " last date").isBefore(LocalDateTime.of(2010, 9, 1, 0, 0));
        }
    }

    @Test
    void summaryCountsEveryEventFile() {
        assertThat(summary.eventsPerFile().keySet()).containsExactly("badge.csv", "custody.csv", "device.csv",
                "email.csv", "file.csv", "http.csv", "logon.csv", "personnel.csv", "print.csv");
        assertThat(summary.events()).isEqualTo(summary.eventsPerFile().values().stream().mapToLong(Long::longValue)
                .sum());
        assertThat(summary.insiders()).isEqualTo(7);
        assertThat(summary.people()).isGreaterThan(200);
        assertThat(CsvRows.data(dir.resolve("psychometric.csv"))).hasSize(summary.people());
        double perPersonWorkday = summary.events() / (200.0 * 165);
        assertThat(perPersonWorkday).isBetween(35.0, 65.0);
    }

    @Test
    void plantsEveryScenarioOnceWithDistinctInsiders() {
        assertThat(insiderIndex.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        Set<String> users = new HashSet<>();
        insiderIndex.forEach((scenario, fields) -> {
            assertThat(fields.get(0)).isEqualTo("custos-sim-7");
            String user = fields.get(3);
            users.add(user);
            assertThat(fields.get(2)).isEqualTo((scenario <= 5 ? "r6.2-" : "custos-") + scenario + "-" + user
                    + ".csv");
            List<String> rows = insiderRows.get(scenario);
            assertThat(rows).isNotEmpty();
            assertThat(rows).allSatisfy(row -> assertThat(CsvRows.fields(row).get(3)).isEqualTo(user));
            assertThat(fields.get(4)).isEqualTo(CsvRows.fields(rows.get(0)).get(2));
            assertThat(fields.get(5)).isEqualTo(CsvRows.fields(rows.get(rows.size() - 1)).get(2));
            assertThat(CsvRows.date(fields.get(4))).as("scenario %d starts after the baseline", scenario)
                    .isAfterOrEqualTo(LocalDate.of(2010, 1, 4).plusDays(60).atStartOfDay());
        });
        assertThat(users).hasSize(7);
    }

    @Test
    void answerKeyRowsExistVerbatimInTheirFiles() {
        Map<FeedKind, Set<String>> wanted = new EnumMap<>(FeedKind.class);
        Map<String, FeedKind> byKey = new HashMap<>();
        for (FeedKind kind : FeedKind.values()) {
            byKey.put(kind.keyName(), kind);
            wanted.put(kind, new HashSet<>());
        }
        insiderRows.values().forEach(rows -> rows.forEach(row -> {
            int comma = row.indexOf(',');
            FeedKind kind = byKey.get(row.substring(0, comma));
            assertThat(kind).as(row).isNotNull();
            wanted.get(kind).add(row.substring(comma + 1));
        }));
        for (FeedKind kind : FeedKind.values()) {
            Set<String> missing = new HashSet<>(wanted.get(kind));
            try (Stream<String> lines = CsvRows.stream(dir.resolve(kind.fileName()))) {
                lines.forEach(missing::remove);
            }
            assertThat(missing).as("%s rows of the answer key not in %s", kind, kind.fileName()).isEmpty();
        }
    }

    @Test
    void ldapSnapshotsCoverEveryMonthOfThePeriod() throws IOException {
        List<String> expected = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2010, 1); !m.isAfter(YearMonth.from(CONFIG.end())); m = m.plusMonths(1)) {
            expected.add(m + ".csv");
        }
        try (Stream<Path> files = Files.list(dir.resolve("LDAP"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(expected).hasSize(8);
        }
        for (String file : expected) {
            List<String> rows = CsvRows.data(dir.resolve("LDAP").resolve(file));
            assertThat(rows.size()).as(file).isBetween(180, 230);
            assertThat(rows).allSatisfy(row -> {
                List<String> f = CsvRows.fields(row);
                assertThat(f).hasSize(11);
                assertThat(f.get(1)).matches("[A-Z]{3}\\d{4}");
                assertThat(f.get(2)).endsWith("@dtaa.com");
                assertThat(f.get(5)).isIn("1", "2", "3");
                assertThat(f.get(10)).isIn("", "secret", "confidential", "top-secret");
            });
            assertThat(rows).filteredOn(row -> CsvRows.fields(row).get(9).isEmpty()).hasSize(1);
        }
    }

    @Test
    void departedPeopleAppearUpToTheirLastMonthOnly() {
        Map<String, Set<String>> usersByMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.of(2010, 1); !m.isAfter(YearMonth.of(2010, 8)); m = m.plusMonths(1)) {
            usersByMonth.put(m.toString(), CsvRows.data(dir.resolve("LDAP").resolve(m + ".csv")).stream()
                    .map(row -> CsvRows.fields(row).get(1)).collect(Collectors.toSet()));
        }
        List<List<String>> departures = CsvRows.data(dir.resolve("personnel.csv")).stream().map(CsvRows::fields)
                .filter(f -> f.get(3).equals("departure")).toList();
        assertThat(departures).hasSizeGreaterThan(10);
        for (List<String> departure : departures) {
            String user = departure.get(2);
            YearMonth left = YearMonth.from(CsvRows.date(departure.get(1)));
            usersByMonth.forEach((month, users) -> {
                if (YearMonth.parse(month).isAfter(left)) {
                    assertThat(users).as("%s left in %s but is in %s", user, left, month).doesNotContain(user);
                } else if (YearMonth.parse(month).equals(left)) {
                    assertThat(users).as("%s in the month they left", user).contains(user);
                }
            });
        }
        List<List<String>> hires = CsvRows.data(dir.resolve("personnel.csv")).stream().map(CsvRows::fields)
                .filter(f -> f.get(3).equals("hire")).toList();
        assertThat(hires).isNotEmpty();
        for (List<String> hire : hires) {
            YearMonth hired = YearMonth.from(CsvRows.date(hire.get(1)));
            assertThat(usersByMonth.get(hired.toString())).contains(hire.get(2));
            assertThat(usersByMonth.get(hired.minusMonths(1).toString())).doesNotContain(hire.get(2));
        }
    }

    @Test
    void scenarioOneIsANewAfterHoursDriveUserUploadingToWikileaksWhoThenLeaves() {
        String user = insiderIndex.get(1).get(3);
        LocalDateTime start = CsvRows.date(insiderIndex.get(1).get(4));
        List<String> rows = insiderRows.get(1);
        assertThat(rows).anyMatch(r -> r.startsWith("http,") && r.contains("http://wikileaks.org/")
                && r.contains(",WWW Upload,"));
        assertThat(rows).anyMatch(r -> r.startsWith("device,") && r.endsWith(",Connect"));
        assertThat(rowsOf("device.csv", user)).allSatisfy(f -> assertThat(CsvRows.date(f.get(1)))
                .isAfterOrEqualTo(start));
        assertThat(rowsOf("logon.csv", user)).filteredOn(f -> CsvRows.date(f.get(1)).isBefore(start))
                .allSatisfy(f -> assertThat(CsvRows.date(f.get(1)).getHour()).isBetween(5, 19));
        assertThat(departureOf(user)).isAfter(CsvRows.date(insiderIndex.get(1).get(5)));
    }

    @Test
    void scenarioTwoHuntsForJobsThenCopiesFarMoreThanBeforeAndLeaves() {
        String user = insiderIndex.get(2).get(3);
        List<String> rows = insiderRows.get(2);
        assertThat(rows).anyMatch(r -> r.startsWith("http,") && r.contains("jobs"));
        assertThat(rows).anyMatch(r -> r.startsWith("email,") && Stream.of(Lexicon.COMPETITOR_DOMAINS)
                .anyMatch(r::contains));
        long keyCopies = rows.stream().filter(r -> r.startsWith("file,") && r.contains(",True,False,")).count();
        LocalDateTime start = CsvRows.date(insiderIndex.get(2).get(4));
        long before = rowsOf("file.csv", user).stream().filter(f -> f.get(6).equals("True")
                && CsvRows.date(f.get(1)).isBefore(start)).count();
        assertThat(keyCopies).isGreaterThan(Math.max(10, before));
        assertThat(departureOf(user)).isAfter(CsvRows.date(insiderIndex.get(2).get(5)).minusDays(1));
    }

    @Test
    void scenarioThreeIsAnAdminPlantingAKeyloggerAndMassMailingFromTheSupervisorsMachine() {
        String user = insiderIndex.get(3).get(3);
        List<String> rows = insiderRows.get(3);
        assertThat(ldapRow(user, "2010-01").get(3)).isEqualTo("ITAdmin");
        String supervisorName = ldapRow(user, "2010-01").get(9);
        String ownPc = rowsOf("logon.csv", user).get(0).get(3);
        assertThat(rows).anyMatch(r -> r.startsWith("http,") && r.contains(",WWW Download,")
                && r.contains("keylogger"));
        String mass = rows.stream().filter(r -> r.startsWith("email,")).findFirst().orElseThrow();
        List<String> mail = CsvRows.fields(mass.substring("email,".length()));
        assertThat(mail.get(4).split(";").length).isGreaterThanOrEqualTo(40);
        assertThat(mail.get(3)).isNotEqualTo(ownPc);
        assertThat(mail.get(7)).startsWith(supervisorName.split(" ")[0] + ".");
        assertThat(rows).anyMatch(r -> r.startsWith("file,") && r.contains(",File Copy,False,True,"));
        assertThat(departureOf(user).toLocalDate()).isEqualTo(CsvRows.date(insiderIndex.get(3).get(5))
                .toLocalDate());
    }

    @Test
    void scenarioFourSnoopsOnAnotherMachineAndMailsHomeMoreAndMoreOften() {
        String user = insiderIndex.get(4).get(3);
        List<String> rows = insiderRows.get(4);
        String ownPc = rowsOf("logon.csv", user).get(0).get(3);
        List<List<String>> mails = rows.stream().filter(r -> r.startsWith("email,"))
                .map(r -> CsvRows.fields(r.substring(6))).toList();
        assertThat(mails).hasSizeGreaterThanOrEqualTo(4).allSatisfy(m -> {
            assertThat(m.get(4)).doesNotContain("@dtaa.com");
            assertThat(m.get(3)).isNotEqualTo(ownPc);
            assertThat(m.get(10)).matches(".+\\(\\d+\\)");
        });
        LocalDateTime start = CsvRows.date(mails.get(0).get(1));
        LocalDateTime end = CsvRows.date(mails.get(mails.size() - 1).get(1));
        LocalDateTime middle = start.plusSeconds(java.time.Duration.between(start, end).getSeconds() / 2);
        long firstHalf = mails.stream().filter(m -> CsvRows.date(m.get(1)).isBefore(middle)).count();
        assertThat(mails.size() - firstHalf).isGreaterThan(firstHalf);
    }

    @Test
    void scenarioFiveUploadsToDropboxAfterItsTeamIsLaidOff() {
        String user = insiderIndex.get(5).get(3);
        LocalDateTime start = CsvRows.date(insiderIndex.get(5).get(4));
        assertThat(insiderRows.get(5)).allMatch(r -> r.startsWith("http,") && r.contains("www.dropbox.com"))
                .anyMatch(r -> r.contains(",WWW Upload,"));
        List<List<String>> layoffs = CsvRows.data(dir.resolve("personnel.csv")).stream().map(CsvRows::fields)
                .filter(f -> f.get(3).equals("layoff") && CsvRows.date(f.get(1)).isBefore(start)).toList();
        List<String> notice = layoffs.stream().filter(f -> f.get(2).equals(user)).findFirst().orElseThrow();
        long teamNotices = layoffs.stream().filter(f -> f.get(4).equals(notice.get(4))
                && f.get(1).substring(0, 10).equals(notice.get(1).substring(0, 10))).count();
        assertThat(teamNotices).isGreaterThanOrEqualTo(3);
    }

    @Test
    void scenarioSixUsesARevokedAccountAfterLeavingASubsidiary() {
        String user = insiderIndex.get(6).get(3);
        List<String> rows = insiderRows.get(6);
        LocalDateTime departure = departureOf(user);
        List<String> ldap = lastLdapRow(user);
        assertThat(ldap.get(5)).isNotEqualTo("1");
        assertThat(ldap.get(10)).isNotEmpty();
        assertThat(ldap.get(4)).startsWith("Project ");
        List<List<String>> personnel = rowsOf("personnel.csv", user);
        assertThat(personnel).anyMatch(f -> f.get(3).equals("court-defaulter"))
                .anyMatch(f -> f.get(3).equals("accounts-frozen"));
        assertThat(rows).noneMatch(r -> r.startsWith("personnel,"))
                .anyMatch(r -> r.startsWith("logon,"))
                .allSatisfy(r -> assertThat(CsvRows.date(CsvRows.fields(r).get(2))).isAfter(departure));
    }

    @Test
    void scenarioSevenCollectsThenTakesOriginalsHomeOvernight() {
        List<String> rows = insiderRows.get(7);
        assertThat(rows).anyMatch(r -> r.startsWith("file,") && r.contains(",File Copy,True,")
                && r.contains("Project "));
        String user = insiderIndex.get(7).get(3);
        LocalDateTime loss = rowsOf("personnel.csv", user).stream().filter(f -> f.get(3).equals("investment-loss"))
                .map(f -> CsvRows.date(f.get(1))).findFirst().orElseThrow();
        assertThat(rows).noneMatch(r -> r.startsWith("personnel,"));
        List<List<String>> custody = rows.stream().filter(r -> r.startsWith("custody,"))
                .map(r -> CsvRows.fields(r.substring(8))).toList();
        List<List<String>> checkOuts = custody.stream().filter(f -> f.get(5).equals("CheckOut")).toList();
        assertThat(checkOuts).hasSizeGreaterThanOrEqualTo(3);
        for (List<String> out : checkOuts) {
            String day = out.get(1).substring(0, 10);
            assertThat(custody).noneMatch(f -> f.get(5).equals("CheckIn") && f.get(1).startsWith(day));
            assertThat(rows).anyMatch(r -> r.startsWith("badge,") && r.endsWith(",Out") && r.contains("," + day)
                    && CsvRows.date(CsvRows.fields(r).get(2)).isAfter(CsvRows.date(out.get(1))));
            assertThat(custody).anyMatch(f -> f.get(5).equals("CheckIn") && f.get(3).equals(out.get(3))
                    && CsvRows.date(f.get(1)).isAfter(CsvRows.date(out.get(1))));
        }
        assertThat(CsvRows.date(checkOuts.get(0).get(1))).isAfter(loss);
    }

    @Test
    void innocentPeopleShowTheSameKindsOfNoise() {
        Set<String> insiders = insiderIndex.values().stream().map(f -> f.get(3)).collect(Collectors.toSet());
        Set<String> jobSurfers = new HashSet<>();
        Set<String> driveUsers = new HashSet<>();
        try (Stream<String> lines = CsvRows.stream(dir.resolve("http.csv"))) {
            lines.filter(l -> l.contains("/jobs")).map(l -> CsvRows.fields(l).get(2)).forEach(jobSurfers::add);
        }
        try (Stream<String> lines = CsvRows.stream(dir.resolve("device.csv"))) {
            lines.map(l -> CsvRows.fields(l).get(2)).forEach(driveUsers::add);
        }
        jobSurfers.removeAll(insiders);
        driveUsers.removeAll(insiders);
        assertThat(jobSurfers).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driveUsers.size()).isBetween(15, 60);
        List<List<String>> custody = CsvRows.data(dir.resolve("custody.csv")).stream().map(CsvRows::fields)
                .toList();
        assertThat(custody).extracting(f -> f.get(5)).contains("CheckOut", "CheckIn", "Transfer");
        assertThat(custody).allSatisfy(f -> assertThat(f.get(3)).matches("ORIG-\\d{6}"));
        List<List<String>> stressors = CsvRows.data(dir.resolve("personnel.csv")).stream().map(CsvRows::fields)
                .filter(f -> f.get(3).equals("layoff") || f.get(3).equals("investment-loss")
                        || f.get(3).equals("performance-plan"))
                .filter(f -> !insiders.contains(f.get(2))).toList();
        assertThat(stressors).isNotEmpty();
    }

    private static int indexOf(List<String> rows, String marker) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }

    private static List<List<String>> rowsOf(String file, String user) {
        try (Stream<String> lines = CsvRows.stream(dir.resolve(file))) {
            return lines.filter(l -> l.contains("," + user + ",")).map(CsvRows::fields)
                    .filter(f -> f.get(2).equals(user)).toList();
        }
    }

    private static LocalDateTime departureOf(String user) {
        return rowsOf("personnel.csv", user).stream().filter(f -> f.get(3).equals("departure"))
                .map(f -> CsvRows.date(f.get(1))).findFirst().orElseThrow();
    }

    private static List<String> ldapRow(String user, String month) {
        return CsvRows.data(dir.resolve("LDAP").resolve(month + ".csv")).stream().map(CsvRows::fields)
                .filter(f -> f.get(1).equals(user)).findFirst().orElseThrow();
    }

    private static List<String> lastLdapRow(String user) {
        List<String> last = null;
        for (YearMonth m = YearMonth.of(2010, 1); !m.isAfter(YearMonth.of(2010, 8)); m = m.plusMonths(1)) {
            for (String row : CsvRows.data(dir.resolve("LDAP").resolve(m + ".csv"))) {
                List<String> f = CsvRows.fields(row);
                if (f.get(1).equals(user)) {
                    last = f;
                }
            }
        }
        return last;
    }
}
