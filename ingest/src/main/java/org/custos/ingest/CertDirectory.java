package org.custos.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.custos.core.event.Event;
import org.custos.core.event.PersonnelChange;
import org.custos.core.organization.Organization;

/**
 * A CertDirectory is a directory in the CERT insider-threat layout (release r4.2 or r6.x, told apart per file by its
 * header) with or without the feeds Custos adds, and with or without OCSF, ECS or Custos JSON-lines event files,
 * opened for reading: its reference files (LDAP snapshots, psychometrics, decoys) are read when it is opened, and its
 * activity files are streamed as one time-ordered stream of events on demand.
 *
 * <p>Timestamps ({@code MM/DD/YYYY HH:MM:SS}, no zone) are read as UTC. Rows that cannot be read go to the
 * {@link DeadLetters} given at opening, and reading goes on. See {@code docs/input-formats.md} for every file and
 * column. Not thread-safe, except {@link #bytesRead()}, which a progress display may poll from another thread.
 */
public final class CertDirectory implements AutoCloseable {

    private static final String EXPECTED_FILES = Arrays.stream(Feed.values()).map(Feed::fileName)
            .collect(Collectors.joining(", ")) + ", " + LdapSnapshots.DIRECTORY + "/, " + ReferenceFiles.PSYCHOMETRIC
            + " or " + ReferenceFiles.DECOYS;

    private static final Pattern LOG_FILE = Pattern.compile(".*\\.log(\\.\\d+)?(\\.gz)?");

    private final List<Source> sources;
    private final List<JsonSource> jsonSources;
    private final DeadLetters deadLetters;
    private final Organization organization;
    private final Set<String> decoys;
    private final Map<String, Psychometrics> psychometrics;
    private final List<String> openingNotices;
    private final List<String> streamingNotices = new ArrayList<>();
    private final NamePool names;
    private final LongAdder bytesRead = new LongAdder();
    private final Map<String, Long> clockShifts = new java.util.HashMap<>();
    private volatile List<EventFile> streamed = List.of();
    private boolean closed;

    private CertDirectory(List<Source> sources, List<JsonSource> jsonSources, DeadLetters deadLetters,
            Organization organization, Set<String> decoys, Map<String, Psychometrics> psychometrics,
            List<String> notices, NamePool names) {
        this.sources = List.copyOf(sources);
        this.jsonSources = List.copyOf(jsonSources);
        this.deadLetters = deadLetters;
        this.organization = organization;
        this.decoys = Collections.unmodifiableSet(decoys);
        this.psychometrics = Collections.unmodifiableMap(psychometrics);
        this.openingNotices = List.copyOf(notices);
        this.names = names;
    }

    /**
     * Opens a directory: finds its files, recognizes each activity file's layout from its header, and reads the
     * reference files.
     *
     * @param dir the directory
     * @param deadLetters where rows that cannot be read go, both now and while streaming
     * @throws IOException with a one-line message when {@code dir} does not exist, is not a directory, or holds no
     *     file Custos recognizes by name
     */
    public static CertDirectory open(Path dir, DeadLetters deadLetters) throws IOException {
        return open(dir, deadLetters, InputFormat.AUTO);
    }

    /**
     * Opens a directory as {@link #open(Path, DeadLetters)} does, reading its JSON-lines files ({@code .json},
     * {@code .jsonl}, {@code .ndjson}) in the given format: detected per file from its first record
     * ({@link InputFormat#AUTO}), all as OCSF or all as ECS, or not at all ({@link InputFormat#CERT}).
     *
     * @throws IOException with a one-line message when {@code dir} does not exist, is not a directory, or holds no
     *     file Custos recognizes
     */
    public static CertDirectory open(Path dir, DeadLetters deadLetters, InputFormat format) throws IOException {
        if (!Files.exists(dir)) {
            throw new IOException(dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        NamePool names = new NamePool();
        List<String> notices = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<Feed> absent = new ArrayList<>();
        boolean recognized = false;
        for (Feed feed : Feed.values()) {
            Path path = dir.resolve(feed.fileName());
            if (!Files.isRegularFile(path)) {
                absent.add(feed);
                continue;
            }
            recognized = true;
            recognize(feed, path, names, notices).ifPresent(sources::add);
        }
        noteAbsent(absent, notices);

        Organization organization = new Organization();
        Path ldap = dir.resolve(LdapSnapshots.DIRECTORY);
        if (Files.isDirectory(ldap)) {
            recognized = true;
            organization = LdapSnapshots.read(ldap, names, deadLetters, notices);
        } else {
            notices.add(LdapSnapshots.DIRECTORY + "/: not present; no directory of people (roles, supervisors,"
                    + " departures unknown)");
        }
        Map<String, Psychometrics> psychometrics = new LinkedHashMap<>();
        Path psychometric = dir.resolve(ReferenceFiles.PSYCHOMETRIC);
        if (Files.isRegularFile(psychometric)) {
            recognized = true;
            psychometrics = ReferenceFiles.psychometrics(psychometric, names, deadLetters, notices);
        } else {
            notices.add(ReferenceFiles.PSYCHOMETRIC + ": not present; no personality scores");
        }
        Set<String> decoys = new LinkedHashSet<>();
        Path decoyFile = dir.resolve(ReferenceFiles.DECOYS);
        if (Files.isRegularFile(decoyFile)) {
            recognized = true;
            decoys = ReferenceFiles.decoys(decoyFile, names, deadLetters, notices);
        } else {
            notices.add(ReferenceFiles.DECOYS + ": not present; no decoy files");
        }
        List<JsonSource> json = JsonFiles.find(dir, format, notices);
        if (!recognized && json.isEmpty()) {
            throw new IOException(dir + ": no CERT or Custos files found (expected " + EXPECTED_FILES
                    + "; or OCSF/ECS event files *.json, *.jsonl, *.ndjson)");
        }
        noteUnknownFiles(dir, notices);
        recordDepartures(sources, organization, names);
        recordJsonDepartures(json, organization);
        return new CertDirectory(sources, json, deadLetters, organization, decoys, psychometrics, notices, names);
    }

    /* A CSV file at the top of the directory that Custos does not read is named, so nothing is ignored unseen. */
    private static void noteUnknownFiles(Path dir, List<String> notices) throws IOException {
        java.util.Set<String> known = new java.util.HashSet<>();
        Arrays.stream(Feed.values()).forEach(f -> known.add(f.fileName()));
        known.add(ReferenceFiles.PSYCHOMETRIC);
        known.add(ReferenceFiles.DECOYS);
        known.add("dead-letters.csv");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") && !known.contains(n))
                    .sorted()
                    .forEach(n -> notices.add(n + ": not a file Custos reads; ignored"));
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> LOG_FILE.matcher(n.toLowerCase(java.util.Locale.ROOT)).matches())
                    .sorted()
                    .forEach(n -> notices.add(n + ": a log file, not read by analyze; for a web access log run "
                            + "'custos harvest'"));
        }
    }

    private static Optional<Source> recognize(Feed feed, Path path, NamePool names, List<String> notices)
            throws IOException {
        try (CsvTable table = CsvTable.open(path, feed.fileName(), 1 << 16, names, DeadLetters.discard(),
                n -> { })) {
            Header header = table.header();
            if (header == null) {
                notices.add(feed.fileName() + ": " + table.headerProblem() + "; skipped");
                return Optional.empty();
            }
            Optional<Layout> layout = Layout.detect(feed, header);
            if (layout.isEmpty()) {
                notices.add(feed.fileName() + ": unrecognized header '" + header.text() + "'; expected "
                        + Layout.expected(feed) + "; skipped");
                return Optional.empty();
            }
            return Optional.of(new Source(path, layout.get(), Files.size(path)));
        }
    }

    private static void noteAbsent(List<Feed> absent, List<String> notices) {
        long custosFeeds = Arrays.stream(Feed.values()).filter(f -> !f.cert()).count();
        List<Feed> custosAbsent = absent.stream().filter(f -> !f.cert()).toList();
        boolean noCustosFeeds = custosAbsent.size() == custosFeeds;
        for (Feed feed : absent) {
            if (feed.cert() || !noCustosFeeds) {
                notices.add(feed.fileName() + ": not present; no " + feed.noun() + " events");
            }
        }
        if (noCustosFeeds) {
            notices.add("Custos feeds not present (" + custosAbsent.stream().map(Feed::fileName)
                    .collect(Collectors.joining(", ")) + "); no print, badge, custody or personnel events");
        }
    }

    /* Departure dates in the personnel feed override those inferred from the LDAP snapshots. */
    private static void recordDepartures(List<Source> sources, Organization organization, NamePool names)
            throws IOException {
        for (Source source : sources) {
            if (source.layout() != Layout.PERSONNEL) {
                continue;
            }
            try (ActivityFile file = ActivityFile.open(source, names, DeadLetters.discard(), n -> { })) {
                for (Event e = file.next(); e != null; e = file.next()) {
                    if (e instanceof PersonnelChange change && change.change() == PersonnelChange.Kind.DEPARTURE) {
                        organization.recordDeparture(change.user(), LocalDate.ofInstant(change.time(),
                                ZoneOffset.UTC));
                    }
                }
            }
        }
    }

    /* Departures in a Custos personnel feed given as JSON count like those of personnel.csv. */
    private static void recordJsonDepartures(List<JsonSource> json, Organization organization) throws IOException {
        for (JsonSource source : json) {
            if (source.format() != org.custos.ingest.json.JsonFormat.CUSTOS) {
                continue;
            }
            try (JsonEventFile file = JsonEventFile.open(source, DeadLetters.discard(), n -> { })) {
                for (Event e = file.next(); e != null; e = file.next()) {
                    if (e instanceof PersonnelChange change && change.change() == PersonnelChange.Kind.DEPARTURE) {
                        organization.recordDeparture(change.user(), LocalDate.ofInstant(change.time(),
                                ZoneOffset.UTC));
                    }
                }
            }
        }
    }

    /**
     * The organization over time, from the monthly {@code LDAP/YYYY-MM.csv} snapshots, with the departure dates of
     * the personnel feed recorded; empty when there are no snapshots.
     */
    public Organization organization() {
        return organization;
    }

    /** The decoy file names listed in {@code decoy_file.csv}; empty when there is none. */
    public Set<String> decoyFiles() {
        return decoys;
    }

    /** The OCEAN personality scores by user from {@code psychometric.csv}; empty when there is none. */
    public Map<String, Psychometrics> psychometrics() {
        return psychometrics;
    }

    /**
     * One-line notices about the input: files not present, files skipped (and why), bad reference rows, and, after
     * streaming, files whose rows were not in time order.
     */
    public List<String> notices() {
        List<String> all = new ArrayList<>(openingNotices);
        all.addAll(streamingNotices);
        return all;
    }

    /** The total size in bytes of the activity files that {@link #forEachEvent} streams. */
    public long totalBytes() {
        return sources.stream().mapToLong(Source::bytes).sum() + jsonSources.stream().mapToLong(JsonSource::bytes)
                .sum();
    }

    /** The bytes of activity files read so far by the current (or last) {@link #forEachEvent}; safe from any thread. */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /**
     * Streams every event of every recognized activity file to the sink, merged in time order; rows that cannot be
     * read go to the dead letters and streaming goes on.
     *
     * <p>Events with the same instant come in the order logon, device, file, email, http, print, badge, custody,
     * personnel. Each file is expected to be sorted by date; a row earlier than its predecessor in the same file is
     * passed on as read and counted in a notice. Each call reads the files again.
     *
     * @throws IOException when a file cannot be read
     */
    public void forEachEvent(Consumer<Event> sink) throws IOException {
        if (closed) {
            throw new IllegalStateException("directory already closed");
        }
        bytesRead.reset();
        streamingNotices.clear();
        List<EventFile> files = new ArrayList<>();
        Throwable failure = null;
        try {
            for (Source source : sources) {
                files.add(ActivityFile.open(source, names, deadLetters, bytesRead::add,
                        clockShifts.getOrDefault(source.name(), 0L)));
            }
            for (JsonSource source : jsonSources) {
                files.add(JsonEventFile.open(source, deadLetters, bytesRead::add));
            }
            streamed = List.copyOf(files);
            EventMerge.run(files, sink);
            for (EventFile file : files) {
                if (file instanceof JsonEventFile json && !json.skipped().isEmpty()) {
                    long total = json.skipped().values().stream().mapToLong(Long::longValue).sum();
                    streamingNotices.add(file.name() + ": " + total + " records of kinds Custos has no event for, "
                            + "skipped (" + json.skipped().entrySet().stream().map(e -> e.getKey() + ": "
                                    + e.getValue()).collect(Collectors.joining(", ")) + ")");
                }
                if (file.outOfOrder() > 0) {
                    streamingNotices.add(file.name() + ": " + file.outOfOrder() + " rows earlier than a row before"
                            + " them; passed on as read, slightly out of time order");
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            closeAll(files, failure);
        }
    }

    /**
     * Compares each activity file's clock with logon.csv's (see the package's ClockSkewCheck: a sample of each file
     * is matched against the logon sessions of the same person on the same host) and returns the files that appear
     * to run fast or slow, with the offset that corrects them. Reads only the first rows of each file.
     *
     * @throws IOException when a file cannot be read
     */
    public List<ClockSkew> checkClocks() throws IOException {
        return ClockSkewCheck.run(sources, names, deadLetters);
    }

    /**
     * Adds {@code seconds} to every date of the activity file named {@code file} in later calls of
     * {@link #forEachEvent}.
     *
     * @throws IllegalArgumentException when the directory has no activity file of that name
     */
    public void correctClock(String file, long seconds) {
        if (sources.stream().noneMatch(s -> s.name().equals(file))) {
            throw new IllegalArgumentException("no activity file named " + file + " in this directory (have "
                    + sources.stream().map(Source::name).toList() + ")");
        }
        clockShifts.put(file, seconds);
    }

    /**
     * Opens every recognized activity file for pulling events one at a time, in the order {@link #forEachEvent}
     * streams them; the caller closes the stream. Rows that cannot be read go to the dead letters.
     *
     * @throws IOException when a file cannot be opened
     */
    public EventStream stream() throws IOException {
        if (closed) {
            throw new IllegalStateException("directory already closed");
        }
        List<EventFile> files = new ArrayList<>();
        try {
            for (Source source : sources) {
                files.add(ActivityFile.open(source, names, deadLetters, bytesRead::add,
                        clockShifts.getOrDefault(source.name(), 0L)));
            }
            for (JsonSource source : jsonSources) {
                files.add(JsonEventFile.open(source, deadLetters, bytesRead::add));
            }
            return new EventStream(files);
        } catch (IOException | RuntimeException e) {
            try {
                closeAll(files, e);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Opens every recognized activity file for pulling events one at a time, as {@link #stream()} does, but reads
     * and parses each file ahead on a thread of its own, so that parsing runs in parallel with the merge and with
     * whatever the caller does with the events. The events, their order and the dead-letter rows (recorded on the
     * caller's thread, in the same order) are those of {@link #stream()}; closing the stream stops the threads.
     *
     * @throws IOException when a file cannot be opened
     */
    public EventStream streamReadingAhead() throws IOException {
        if (closed) {
            throw new IllegalStateException("directory already closed");
        }
        List<EventFile> files = new ArrayList<>();
        try {
            for (Source source : sources) {
                long shift = clockShifts.getOrDefault(source.name(), 0L);
                // a name pool per file: pools are not thread-safe
                files.add(new ReadAheadFile(held -> ActivityFile.open(source, new NamePool(), held, bytesRead::add,
                        shift), deadLetters));
            }
            for (JsonSource source : jsonSources) {
                files.add(new ReadAheadFile(held -> JsonEventFile.open(source, held, bytesRead::add), deadLetters));
            }
            return new EventStream(files);
        } catch (IOException | RuntimeException e) {
            try {
                closeAll(files, e);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * What streaming found per activity file name, in merge order: events, rejected rows and the release; counts are
     * zero before {@link #forEachEvent} and final once it returns.
     */
    public Map<String, FileStats> fileStats() {
        Map<String, FileStats> stats = new LinkedHashMap<>();
        for (Source source : sources) {
            stats.put(source.name(), new FileStats(source.name(), source.layout().release(), 0, 0));
        }
        for (JsonSource source : jsonSources) {
            stats.put(source.name(), new FileStats(source.name(), source.format().label(), 0, 0));
        }
        for (EventFile file : streamed) {
            stats.put(file.name(), file.stats());
        }
        return stats;
    }

    /** Closes the directory; files are only open while {@link #forEachEvent} runs, so this only forbids streaming. */
    @Override
    public void close() {
        closed = true;
    }

    private static void closeAll(List<EventFile> files, Throwable failure) throws IOException {
        IOException first = null;
        for (EventFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
