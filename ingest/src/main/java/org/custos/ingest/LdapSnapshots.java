package org.custos.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custos.core.organization.OrgSnapshot;
import org.custos.core.organization.Organization;
import org.custos.core.organization.PersonRecord;

/**
 * LdapSnapshots reads the {@code LDAP/YYYY-MM.csv} directory snapshots into an {@link Organization}, one
 * {@link OrgSnapshot} per month.
 *
 * <p>Columns are found by name; only {@code employee_name} and {@code user_id} are required, so every CERT
 * release's variant (with or without {@code projects}) and the simulator's extra {@code clearance} are read.
 * Unknown columns are ignored with a notice. A row with an empty {@code user_id}, or a second row for the same
 * user in one month, goes to the dead letters.
 */
final class LdapSnapshots {

    static final String DIRECTORY = "LDAP";

    private static final List<String> REQUIRED = List.of("employee_name", "user_id");
    private static final List<String> KNOWN = List.of("employee_name", "user_id", "email", "role", "projects",
            "business_unit", "functional_unit", "department", "team", "supervisor", "clearance");
    private static final Pattern MONTH_FILE = Pattern.compile("\\d{4}-\\d{2}\\.csv");

    private final NamePool names;
    private final DeadLetters deadLetters;
    private final List<String> notices;
    private long rejected;

    private LdapSnapshots(NamePool names, DeadLetters deadLetters, List<String> notices) {
        this.names = names;
        this.deadLetters = deadLetters;
        this.notices = notices;
    }

    /** The organization described by the snapshots in {@code dir}; notices are added for every problem. */
    static Organization read(Path dir, NamePool names, DeadLetters deadLetters, List<String> notices)
            throws IOException {
        LdapSnapshots reader = new LdapSnapshots(names, deadLetters, notices);
        List<OrgSnapshot> snapshots = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (!MONTH_FILE.matcher(fileName).matches()) {
                notices.add(DIRECTORY + "/" + fileName + ": not a YYYY-MM.csv snapshot; skipped");
                continue;
            }
            YearMonth month;
            try {
                month = YearMonth.parse(fileName.substring(0, 7));
            } catch (java.time.format.DateTimeParseException e) {
                notices.add(DIRECTORY + "/" + fileName + ": not a month; skipped");
                continue;
            }
            OrgSnapshot snapshot = reader.snapshot(file, DIRECTORY + "/" + fileName, month);
            if (snapshot != null) {
                snapshots.add(snapshot);
            }
        }
        if (snapshots.isEmpty()) {
            notices.add(DIRECTORY + "/: no readable YYYY-MM.csv snapshot; organization unknown");
        }
        if (reader.rejected > 0) {
            notices.add(DIRECTORY + "/: " + reader.rejected + " bad rows sent to the dead letters");
        }
        return Organization.of(snapshots);
    }

    private OrgSnapshot snapshot(Path file, String name, YearMonth month) throws IOException {
        try (CsvTable table = CsvTable.open(file, name, 1 << 16, names, deadLetters, n -> { })) {
            Header header = table.header();
            if (header == null) {
                notices.add(name + ": " + table.headerProblem() + "; skipped");
                return null;
            }
            List<String> missing = header.missing(REQUIRED);
            if (!missing.isEmpty()) {
                notices.add(name + ": header '" + header.text() + "' lacks " + String.join(", ", missing)
                        + "; expected columns among " + String.join(",", KNOWN) + "; skipped");
                return null;
            }
            List<String> unknown = header.names().stream().filter(n -> !KNOWN.contains(n)).toList();
            if (!unknown.isEmpty()) {
                // a quoted column name may hold a line break (found by fuzzing): the notice stays one line
                notices.add(name + ": ignoring unknown columns " + Header.printable(String.join(", ", unknown)));
            }
            Map<String, PersonRecord> people = readPeople(table, header);
            rejected += table.rejected();
            return new OrgSnapshot(month, people);
        }
    }

    private Map<String, PersonRecord> readPeople(CsvTable table, Header h) throws IOException {
        int name = h.index("employee_name");
        int user = h.index("user_id");
        int email = h.index("email");
        int role = h.index("role");
        int projects = h.index("projects");
        int unit = h.index("business_unit");
        int functional = h.index("functional_unit");
        int department = h.index("department");
        int team = h.index("team");
        int supervisor = h.index("supervisor");
        int clearance = h.index("clearance");
        Map<String, PersonRecord> people = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        while (table.nextRow()) {
            Row row = table.row();
            String id = row.requiredName(user);
            Long earlier = id.isEmpty() ? null : firstLine.putIfAbsent(id, row.line());
            if (earlier != null) {
                row.noteValue(user, "is listed twice (first on line " + earlier + ")");
            }
            try {
                row.verify();
            } catch (RejectedRow e) {
                table.reject(e.getMessage());
                continue;
            }
            people.put(id, new PersonRecord(id, row.text(name).trim(), row.text(email), row.name(role),
                    row.list(projects), row.name(unit), row.name(functional), row.name(department), row.name(team),
                    row.text(supervisor).trim(), row.name(clearance)));
        }
        return people;
    }
}
