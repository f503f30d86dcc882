package org.custos.simulator;

/**
 * The Recorder turns simulated activity into rows of the event files: it draws the event id, formats the date,
 * lays out the columns of each feed, and hands the line to {@link Feeds}. A recorder made with
 * {@link #as(Insider)} marks its rows as that insider's, so they end up in the answer key.
 */
final class Recorder {

    private final Feeds feeds;
    private final Dice dice;
    private final Timestamps time;
    private final Insider insider;
    private final DataLayout layout;
    private final StringBuilder line = new StringBuilder(512);

    Recorder(Feeds feeds, Dice dice, Timestamps time, DataLayout layout) {
        this(feeds, dice, time, null, layout);
    }

    private Recorder(Feeds feeds, Dice dice, Timestamps time, Insider insider, DataLayout layout) {
        this.feeds = feeds;
        this.dice = dice;
        this.time = time;
        this.insider = insider;
        this.layout = layout;
    }

    /** A recorder whose rows belong to {@code insider}'s scenario (an innocent one for null). */
    Recorder as(Insider insider) {
        return insider == this.insider ? this : new Recorder(feeds, dice, time, insider, layout);
    }

    /** A {@code Logon} or {@code Logoff}. */
    void logon(long second, Person person, String pc, boolean on) {
        start(second, person).append(',').append(pc).append(',').append(on ? "Logon" : "Logoff");
        finish(FeedKind.LOGON, second);
    }

    /** A removable drive {@code Connect} (with the drive's folders) or {@code Disconnect} (empty file tree). */
    void device(long second, Person person, String pc, String fileTree, boolean connect) {
        start(second, person).append(',').append(pc).append(',');
        if (layout != DataLayout.CERT_R42) {
            Csv.appendField(line, connect ? fileTree : "");
            line.append(',');
        }
        line.append(connect ? "Connect" : "Disconnect");
        finish(FeedKind.DEVICE, second);
    }

    /** A file operation: {@code File Open}, {@code File Write}, {@code File Copy} or {@code File Delete}. */
    void file(long second, Person person, String pc, String fileName, String activity, boolean toRemovable,
              boolean fromRemovable, String content) {
        start(second, person).append(',').append(pc).append(',');
        if (layout == DataLayout.CERT_R42) {
            if (!toRemovable) {
                return;
            }
            Csv.appendField(line, fileName);
            line.append(',');
            Csv.appendField(line, content);
            finish(FeedKind.FILE, second);
            return;
        }
        Csv.appendField(line, fileName);
        line.append(',').append(activity).append(',').append(toRemovable ? "True" : "False").append(',')
                .append(fromRemovable ? "True" : "False").append(',');
        Csv.appendField(line, content);
        finish(FeedKind.FILE, second);
    }

    /** An e-mail {@code Send} or {@code View}; recipients and attachments are {@code ;}-separated. */
    void email(long second, Person person, String pc, String to, String cc, String bcc, String from, boolean send,
               int size, String attachments, String content) {
        start(second, person).append(',').append(pc).append(',');
        Csv.appendField(line, to);
        line.append(',');
        Csv.appendField(line, cc);
        line.append(',');
        Csv.appendField(line, bcc);
        if (layout == DataLayout.CERT_R42) {
            if (!send) {
                return;
            }
            line.append(',').append(from).append(',').append(size).append(',')
                    .append(attachments.isEmpty() ? 0 : attachments.split(";").length);
        } else {
            line.append(',').append(from).append(',').append(send ? "Send" : "View").append(',').append(size)
                    .append(',');
            Csv.appendField(line, attachments);
        }
        line.append(',');
        Csv.appendField(line, content);
        finish(FeedKind.EMAIL, second);
    }

    /** A web request: {@code WWW Visit}, {@code WWW Download} or {@code WWW Upload}. */
    void http(long second, Person person, String pc, String url, String activity, String content) {
        start(second, person).append(',').append(pc).append(',');
        Csv.appendField(line, url);
        line.append(',');
        if (layout != DataLayout.CERT_R42) {
            line.append(activity).append(',');
        }
        Csv.appendField(line, content);
        finish(FeedKind.HTTP, second);
    }

    /** A badge swipe {@code In} or {@code Out}. */
    void badge(long second, Person person, String site, String door, boolean in) {
        start(second, person).append(',').append(site).append(',');
        Csv.appendField(line, door);
        line.append(',').append(in ? "In" : "Out");
        finish(FeedKind.BADGE, second);
    }

    /** A print job. */
    void print(long second, Person person, String pc, String printer, String document, int pages) {
        start(second, person).append(',').append(pc).append(',').append(printer).append(',');
        Csv.appendField(line, document);
        line.append(',').append(pages);
        finish(FeedKind.PRINT, second);
    }

    /** A custody move of a registry original: {@code CheckOut}, {@code CheckIn}, {@code Transfer}, {@code Destroy}. */
    void custody(long second, Person person, RegistryItem item, String action, String location) {
        start(second, person).append(',').append(item.serial()).append(',');
        Csv.appendField(line, item.name());
        line.append(',').append(action).append(',');
        Csv.appendField(line, location);
        finish(FeedKind.CUSTODY, second);
    }

    /** A personnel event ({@code hire}, {@code departure}, {@code layoff}, ...) with free-text details. */
    void personnel(long second, Person person, String event, String details) {
        start(second, person).append(',').append(event).append(',');
        Csv.appendField(line, details);
        finish(FeedKind.PERSONNEL, second);
    }

    private StringBuilder start(long second, Person person) {
        line.setLength(0);
        dice.appendEventId(line);
        line.append(',');
        time.append(line, second);
        return line.append(',').append(person.userId());
    }

    private void finish(FeedKind kind, long second) {
        feeds.add(kind, second, line.toString(), insider);
    }
}
