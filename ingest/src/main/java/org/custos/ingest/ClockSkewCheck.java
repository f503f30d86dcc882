package org.custos.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;

/**
 * The ClockSkewCheck compares each activity file's clock with logon.csv's. Activity on a host happens while its
 * user is logged on to it, so a file whose events mostly fall outside the user's sessions on that host, but inside
 * them once shifted by a constant offset, has a clock that runs fast or slow.
 *
 * <p>It reads the first {@value #LOGON_SAMPLE} logon rows into sessions per (user, host) and the first
 * {@value #ACTIVITY_SAMPLE} rows of each other file that fall in the same period, then tries offsets from -12 h to
 * +12 h (every 15 minutes, then every minute around the best). An offset is reported when at least
 * {@value #MIN_JUDGED} events could be judged, the best offset puts at least 60 % of them inside sessions, and it
 * improves on the recorded times by at least 20 points; the smallest offset wins ties. Files without a host column
 * (badge, custody, personnel) are not checked.
 */
final class ClockSkewCheck {

    static final int LOGON_SAMPLE = 300_000;
    static final int ACTIVITY_SAMPLE = 50_000;
    static final int MIN_JUDGED = 200;
    private static final long HALF_DAY = 12 * 3600;

    private record Sessions(long[] starts, long[] ends) {
        boolean contains(long t) {
            int i = Arrays.binarySearch(starts, t);
            if (i < 0) {
                i = -i - 2;
            }
            return i >= 0 && t <= ends[i];
        }
    }

    private ClockSkewCheck() {
    }

    /** The files whose clocks disagree with logon.csv; empty when there is no logon.csv or nothing to judge. */
    static List<ClockSkew> run(List<Source> sources, NamePool names, DeadLetters deadLetters) throws IOException {
        Optional<Source> logon = sources.stream().filter(s -> s.layout().feed() == Feed.LOGON).findFirst();
        if (logon.isEmpty()) {
            return List.of();
        }
        long[] period = new long[] {Long.MAX_VALUE, Long.MIN_VALUE};
        Map<String, Sessions> sessions = sessions(logon.get(), names, period);
        List<ClockSkew> found = new ArrayList<>();
        for (Source source : sources) {
            Feed feed = source.layout().feed();
            if (feed == Feed.LOGON || !hasHost(feed)) {
                continue;
            }
            List<Sessions> owner = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            try (ActivityFile file = ActivityFile.open(source, names, DeadLetters.discard(), n -> { })) {
                int read = 0;
                for (Event e = file.next(); e != null && read < ACTIVITY_SAMPLE; e = file.next()) {
                    long t = e.time().getEpochSecond();
                    if (t > period[1] - HALF_DAY) {
                        break;
                    }
                    read++;
                    Sessions s = sessions.get(key(e.user(), e.host()));
                    if (s != null && t >= period[0] + HALF_DAY) {
                        owner.add(s);
                        times.add(t);
                    }
                }
            }
            if (times.size() < MIN_JUDGED) {
                continue;
            }
            double asRecorded = inside(owner, times, 0);
            long best = 0;
            double bestInside = asRecorded;
            for (long offset = -HALF_DAY; offset <= HALF_DAY; offset += 900) {
                double share = inside(owner, times, offset);
                if (share > bestInside + 1e-9 || (Math.abs(share - bestInside) < 1e-9 && Math.abs(offset) < Math.abs(best))) {
                    best = offset;
                    bestInside = share;
                }
            }
            long coarse = best;
            for (long offset = coarse - 900; offset <= coarse + 900; offset += 60) {
                double share = inside(owner, times, offset);
                if (share > bestInside + 1e-9) {
                    best = offset;
                    bestInside = share;
                }
            }
            if (best != 0 && bestInside >= 0.6 && bestInside - asRecorded >= 0.2) {
                found.add(new ClockSkew(source.name(), best, asRecorded, bestInside, times.size()));
            }
        }
        return found;
    }

    private static boolean hasHost(Feed feed) {
        return feed == Feed.DEVICE || feed == Feed.FILE || feed == Feed.EMAIL || feed == Feed.HTTP
                || feed == Feed.PRINT;
    }

    private static double inside(List<Sessions> owner, List<Long> times, long offset) {
        int in = 0;
        for (int i = 0; i < times.size(); i++) {
            if (owner.get(i).contains(times.get(i) + offset)) {
                in++;
            }
        }
        return in / (double) times.size();
    }

    private static String key(String user, String host) {
        return user + '\u0000' + host;
    }

    private static Map<String, Sessions> sessions(Source logon, NamePool names, long[] period) throws IOException {
        Map<String, List<long[]>> intervals = new HashMap<>();
        Map<String, Long> open = new HashMap<>();
        try (ActivityFile file = ActivityFile.open(logon, names, DeadLetters.discard(), n -> { })) {
            int read = 0;
            for (Event e = file.next(); e != null && read < LOGON_SAMPLE; e = file.next()) {
                if (!(e instanceof Logon l)) {
                    continue;
                }
                read++;
                long t = l.time().getEpochSecond();
                period[0] = Math.min(period[0], t);
                period[1] = Math.max(period[1], t);
                String key = key(l.user(), l.host());
                if (l.action() == Logon.Action.LOGON) {
                    open.put(key, t);
                } else {
                    Long start = open.remove(key);
                    if (start != null && t >= start) {
                        intervals.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {start, t});
                    }
                }
            }
        }
        Map<String, Sessions> sessions = new HashMap<>();
        intervals.forEach((key, list) -> {
            list.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] starts = new long[list.size()];
            long[] ends = new long[list.size()];
            for (int i = 0; i < list.size(); i++) {
                starts[i] = list.get(i)[0];
                ends[i] = list.get(i)[1];
            }
            sessions.put(key, new Sessions(starts, ends));
        });
        return sessions;
    }
}
