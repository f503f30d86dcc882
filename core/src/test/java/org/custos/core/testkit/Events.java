package org.custos.core.testkit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.PersonnelChange;
import org.custos.core.event.PrintJob;
import org.custos.core.event.WebVisit;

/**
 * Events is a fluent writer of one person's events, in the order they are written:
 * {@code Events.of("ACM2278").on(date).at("09:15").logon("PC-1").fileToUsb("C:\\plans.docx")}.
 *
 * <p>A cursor (date, time of day, zone) stamps each event; it moves only when told to ({@link #on}, {@link #at},
 * {@link #later}, {@link #nextWorkingDay}, {@link #workingDays}). Ids are {@code USER-N}, unique per person and
 * stable from run to run. The default date is Monday 2010-01-04, the default time 09:00 UTC, the default host
 * {@code PC-USER}.
 */
public final class Events {

    /** The default first day: a Monday. */
    public static final LocalDate MONDAY = LocalDate.of(2010, 1, 4);

    private final String user;
    private final List<Event> events = new ArrayList<>();
    private ZoneId zone = ZoneOffset.UTC;
    private LocalDate date = MONDAY;
    private LocalTime time = LocalTime.of(9, 0);
    private String host;
    private String site = "HQ";
    private int sequence;

    private Events(String user) {
        this.user = user;
        this.host = "PC-" + user;
    }

    /** A writer for the given account, with nothing written yet. */
    public static Events of(String user) {
        return new Events(user);
    }

    /** The account. */
    public String user() {
        return user;
    }

    /** Moves the cursor to a day, keeping the time of day. */
    public Events on(LocalDate day) {
        this.date = day;
        return this;
    }

    /** Moves the cursor to a day given as {@code yyyy-mm-dd}. */
    public Events on(String isoDay) {
        return on(LocalDate.parse(isoDay));
    }

    /** Moves the cursor to a time of day, {@code HH:mm} or {@code HH:mm:ss}. */
    public Events at(String timeOfDay) {
        this.time = LocalTime.parse(timeOfDay);
        return this;
    }

    /** Moves the cursor forward by some minutes (possibly into the next day). */
    public Events later(int minutes) {
        LocalDateTime next = LocalDateTime.of(date, time).plusMinutes(minutes);
        date = next.toLocalDate();
        time = next.toLocalTime();
        return this;
    }

    /** Sets the zone the cursor's local times are in (UTC by default). */
    public Events zone(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    /** Sets the default host for events whose method takes none. */
    public Events host(String host) {
        this.host = host;
        return this;
    }

    /** Sets the site for badge swipes (the badge event's host). */
    public Events site(String site) {
        this.site = site;
        return this;
    }

    /** The cursor's day. */
    public LocalDate date() {
        return date;
    }

    /** The cursor's instant. */
    public Instant now() {
        return LocalDateTime.of(date, time).atZone(zone).toInstant();
    }

    /** Moves the cursor to the next Monday-to-Friday day, keeping the time of day. */
    public Events nextWorkingDay() {
        date = workingDayFrom(date.plusDays(1));
        return this;
    }

    /** Moves the cursor to the next calendar day, keeping the time of day. */
    public Events nextDay() {
        date = date.plusDays(1);
        return this;
    }

    /**
     * Writes {@code n} ordinary working days from the cursor's day (or the next weekday when it is a weekend or
     * already has events): a logon at 09:00 and a logoff at 17:00 on the default host. The cursor ends at 09:00 on
     * the next working day, so the next event written falls on working day {@code n + 1}.
     */
    public Events workingDays(int n) {
        return workingDays(n, day -> { });
    }

    /**
     * Writes {@code n} working days as {@link #workingDays(int)} does, calling {@code eachDay} after the logon
     * (cursor at 09:30) to add the day's usual activity; the logoff is written at 17:00, or a minute after the last
     * event when the day ran later.
     */
    public Events workingDays(int n, Consumer<Events> eachDay) {
        if (!events.isEmpty()) {
            LocalDate lastWritten = last().time().atZone(zone).toLocalDate();
            if (!lastWritten.isBefore(date)) {
                date = lastWritten.plusDays(1);
            }
        }
        date = workingDayFrom(date);
        for (int i = 0; i < n; i++) {
            LocalDate day = date;
            at("09:00").logon(host);
            at("09:30");
            eachDay.accept(this);
            LocalDateTime closing = LocalDateTime.of(day, LocalTime.of(17, 0));
            if (LocalDateTime.of(date, time).isBefore(closing)) {
                on(day).at("17:00");
            } else {
                later(1);
            }
            logoff(host);
            nextWorkingDay();
        }
        at("09:00");
        return this;
    }

    private static LocalDate workingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private String nextId() {
        return user + "-" + (++sequence);
    }

    private Events add(Event event) {
        events.add(event);
        return this;
    }

    /** A logon on {@code host} at the cursor. */
    public Events logon(String host) {
        return add(new Logon(nextId(), now(), user, host, Logon.Action.LOGON, false));
    }

    /** A logon on the default host at the cursor. */
    public Events logon() {
        return logon(host);
    }

    /** A remote (VPN) logon on {@code host} at the cursor. */
    public Events remoteLogon(String host) {
        return add(new Logon(nextId(), now(), user, host, Logon.Action.LOGON, true));
    }

    /** A logoff from {@code host} at the cursor. */
    public Events logoff(String host) {
        return add(new Logon(nextId(), now(), user, host, Logon.Action.LOGOFF, false));
    }

    /** A removable drive connected to {@code host}. */
    public Events deviceConnect(String host) {
        return add(new DeviceUse(nextId(), now(), user, host, DeviceUse.Action.CONNECT, ""));
    }

    /** A removable drive connected to the default host. */
    public Events deviceConnect() {
        return deviceConnect(host);
    }

    /** A removable drive disconnected from {@code host}. */
    public Events deviceDisconnect(String host) {
        return add(new DeviceUse(nextId(), now(), user, host, DeviceUse.Action.DISCONNECT, ""));
    }

    /** A file copied to removable media on the default host. */
    public Events fileToUsb(String path) {
        return file(path, FileActivity.Action.COPY, true, false);
    }

    /** A file opened on the default host. */
    public Events fileOpen(String path) {
        return file(path, FileActivity.Action.OPEN, false, false);
    }

    /** A file activity on the default host. */
    public Events file(String path, FileActivity.Action action, boolean toRemovable, boolean fromRemovable) {
        return add(new FileActivity(nextId(), now(), user, host, path, action, toRemovable, fromRemovable, ""));
    }

    /** A web request on the default host. */
    public Events http(String url, WebVisit.Action action, String content) {
        return add(new WebVisit(nextId(), now(), user, host, url, action, content));
    }

    /** A page visit with no content. */
    public Events visit(String url) {
        return http(url, WebVisit.Action.VISIT, "");
    }

    /** An upload with no content. */
    public Events upload(String url) {
        return http(url, WebVisit.Action.UPLOAD, "");
    }

    /** A download with no content. */
    public Events download(String url) {
        return http(url, WebVisit.Action.DOWNLOAD, "");
    }

    /** An e-mail from the default host. */
    public Events email(Mail mail) {
        return add(mail.toEvent(nextId(), now(), user, host));
    }

    /** A print job of {@code pages} pages on the default host. */
    public Events print(int pages) {
        return print("report.docx", pages);
    }

    /** A print job of a named document. */
    public Events print(String document, int pages) {
        return add(new PrintJob(nextId(), now(), user, host, "PRN-1", document, pages));
    }

    /** A badge read entering the site at a door. */
    public Events badgeIn(String door) {
        return add(new BadgeSwipe(nextId(), now(), user, site, door, BadgeSwipe.Direction.IN));
    }

    /** A badge read leaving the site at a door. */
    public Events badgeOut(String door) {
        return add(new BadgeSwipe(nextId(), now(), user, site, door, BadgeSwipe.Direction.OUT));
    }

    /** A check-out at the registry of an original whose item belongs to a project. */
    public Events checkOut(String serial, String item, String project) {
        return custody(serial, item, CustodyMove.Action.CHECK_OUT, project);
    }

    /** A custody move at the registry of an original whose item belongs to a project. */
    public Events custody(String serial, String item, CustodyMove.Action action, String project) {
        return add(new CustodyMove(nextId(), now(), user, "REGISTRY", serial, item, action, project));
    }

    /** A custody move of an original at the registry. */
    public Events custody(String serial, String item, CustodyMove.Action action) {
        return add(new CustodyMove(nextId(), now(), user, "REGISTRY", serial, item, action));
    }

    /** An original checked out. */
    public Events checkOut(String serial, String item) {
        return custody(serial, item, CustodyMove.Action.CHECK_OUT);
    }

    /** An original checked back in. */
    public Events checkIn(String serial) {
        return custody(serial, "", CustodyMove.Action.CHECK_IN);
    }

    /** A personnel-feed entry without details. */
    public Events personnel(PersonnelChange.Kind kind) {
        return personnel(kind, "");
    }

    /** A personnel-feed entry. */
    public Events personnel(PersonnelChange.Kind kind, String details) {
        return add(new PersonnelChange(nextId(), now(), user, "", kind, details));
    }

    /** Every event written, in the order written. */
    public List<Event> list() {
        return List.copyOf(events);
    }

    /** The number of events written so far (a mark for {@link #idsFrom(int)}). */
    public int size() {
        return events.size();
    }

    /** The ids of the events written from position {@code mark} on. */
    public List<String> idsFrom(int mark) {
        return events.subList(mark, events.size()).stream().map(Event::id).toList();
    }

    /** The last event written. */
    public Event last() {
        if (events.isEmpty()) {
            throw new IllegalStateException("no event written for " + user);
        }
        return events.get(events.size() - 1);
    }

    /** The id of the last event written. */
    public String lastId() {
        return last().id();
    }

    /** Merges several people's events into one stream in time order (stable for equal instants). */
    public static List<Event> merge(List<Events> people) {
        List<Event> all = new ArrayList<>();
        people.forEach(p -> all.addAll(p.events));
        all.sort(Comparator.comparing(Event::time));
        return all;
    }

    /** Merges several people's events into one stream in time order. */
    public static List<Event> merge(Events... people) {
        return merge(List.of(people));
    }
}
