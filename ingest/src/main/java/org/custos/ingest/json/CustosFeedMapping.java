package org.custos.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.custos.core.event.BadgeSwipe;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.Event;
import org.custos.core.event.PersonnelChange;
import org.custos.core.event.PrintJob;

/**
 * CustosFeedMapping reads and writes Custos' own feeds as JSON records — HR (personnel), custody, badge and print —
 * for systems that export JSON rather than the CSV files: one object per line with {@code feed} naming the feed,
 * {@code id}, {@code time} (ISO-8601), {@code user}, and the feed's CSV columns under the same names
 * (docs/input-formats.md, "Custos feeds as JSON").
 */
public final class CustosFeedMapping {

    private CustosFeedMapping() {
    }

    /** The event a Custos feed record describes, or why it describes none. */
    public static Event read(JsonNode r) throws MappingException {
        if (!r.isObject()) {
            throw new MappingException("not a JSON object");
        }
        String feed = Fields.required(r, "feed").toLowerCase(Locale.ROOT);
        String id = Fields.required(r, "id");
        java.time.Instant time = Fields.isoTime(r, "time");
        String user = Fields.required(r, "user");
        switch (feed) {
            case "personnel" -> {
                PersonnelChange.Kind kind;
                try {
                    kind = PersonnelChange.Kind.ofFeedName(Fields.required(r, "event"));
                } catch (IllegalArgumentException e) {
                    throw new MappingException("event: " + e.getMessage());
                }
                return new PersonnelChange(id, time, user, "", kind, Fields.text(r, "details", ""));
            }
            case "custody" -> {
                String action = Fields.required(r, "action");
                CustodyMove.Action move = switch (action.toLowerCase(Locale.ROOT)) {
                    case "checkout" -> CustodyMove.Action.CHECK_OUT;
                    case "checkin" -> CustodyMove.Action.CHECK_IN;
                    case "transfer" -> CustodyMove.Action.TRANSFER;
                    case "destroy" -> CustodyMove.Action.DESTROY;
                    default -> throw new MappingException("action: '" + Fields.shorten(action) + "' is not one of "
                            + "CheckOut, CheckIn, Transfer, Destroy");
                };
                return new CustodyMove(id, time, user, Fields.text(r, "location", ""), Fields.required(r, "serial"),
                        Fields.text(r, "item", ""), move);
            }
            case "badge" -> {
                String direction = Fields.required(r, "direction");
                BadgeSwipe.Direction way = switch (direction.toLowerCase(Locale.ROOT)) {
                    case "in" -> BadgeSwipe.Direction.IN;
                    case "out" -> BadgeSwipe.Direction.OUT;
                    default -> throw new MappingException("direction: '" + Fields.shorten(direction) + "' is not In "
                            + "or Out");
                };
                return new BadgeSwipe(id, time, user, Fields.text(r, "site", ""), Fields.text(r, "door", ""), way);
            }
            case "print" -> {
                long pages = Fields.number(r, "pages", 0);
                if (pages < 0 || pages > Integer.MAX_VALUE) {
                    throw new MappingException("pages: " + pages + " is not a whole number >= 0");
                }
                return new PrintJob(id, time, user, Fields.text(r, "pc", ""), Fields.text(r, "printer", ""),
                        Fields.text(r, "document", ""), (int) pages);
            }
            default -> throw new MappingException("feed: '" + Fields.shorten(feed) + "' is not one of personnel, "
                    + "custody, badge, print");
        }
    }

    /** The JSON record of a personnel, custody, badge or print event. */
    public static ObjectNode write(Event event) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        if (event instanceof PersonnelChange p) {
            r.put("feed", "personnel");
            r.put("event", p.change().feedName());
            r.put("details", p.details());
        } else if (event instanceof CustodyMove c) {
            r.put("feed", "custody");
            r.put("serial", c.serial());
            r.put("item", c.item());
            r.put("action", switch (c.action()) {
                case CHECK_OUT -> "CheckOut";
                case CHECK_IN -> "CheckIn";
                case TRANSFER -> "Transfer";
                case DESTROY -> "Destroy";
            });
            r.put("location", c.host());
        } else if (event instanceof BadgeSwipe b) {
            r.put("feed", "badge");
            r.put("site", b.host());
            r.put("door", b.door());
            r.put("direction", b.direction() == BadgeSwipe.Direction.IN ? "In" : "Out");
        } else if (event instanceof PrintJob p) {
            r.put("feed", "print");
            r.put("pc", p.host());
            r.put("printer", p.printer());
            r.put("document", p.document());
            r.put("pages", p.pages());
        } else {
            throw new IllegalArgumentException("no Custos JSON feed for a " + event.kind().label() + " event");
        }
        r.put("id", event.id());
        r.put("time", event.time().toString());
        r.put("user", event.user());
        return r;
    }
}
