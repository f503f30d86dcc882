package org.custos.server.board;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.custos.core.risk.Contribution;
import org.custos.core.risk.RiskModel;
import org.custos.server.web.Access;
import org.custos.server.web.Format;
import org.custos.server.web.Html;
import org.custos.server.web.Json;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Sparkline;
import org.custos.server.web.Viewer;
import org.custos.store.BoardEntry;
import org.custos.store.BoardQuery;
import org.custos.store.DailyScore;
import org.custos.store.PersonSummary;
import org.custos.store.Role;

/**
 * BoardPage is the risk board: people ranked by their latest score, each with a 90-day trend, filtered by
 * subsidiary, unit and critical-path stage, named by pseudonym.
 */
public final class BoardPage {

    static final int TREND_DAYS = 90;

    private final Services services;
    private volatile Filters filters;
    private final java.util.concurrent.ConcurrentHashMap<String, Trend> trends = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A person's trend as of their latest score day, and its sparkline: unchanged until a newer day is scored, so
     * the board draws each line once rather than on every view.
     */
    private record Trend(long version, LocalDate last, double[] values, Html sparkline) {
    }

    /**
     * A rendering of one board query (the page's rows or the API's JSON), the same for every viewer (people appear by
     * pseudonym only) and kept until a batch changes the scores.
     */
    private record Rendered<T>(long version, T value) {
    }

    private final java.util.concurrent.ConcurrentHashMap<Request, Rendered<Html>> rowsByQuery =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<Request, Rendered<byte[]>> jsonByQuery =
            new java.util.concurrent.ConcurrentHashMap<>();

    private long version() {
        return services.store() instanceof org.custos.server.readcache.CachedStore c ? c.eventsVersion() : -1;
    }

    private static <T> T rendered(java.util.concurrent.ConcurrentHashMap<Request, Rendered<T>> cache, Request r,
                                  long version, java.util.function.Supplier<T> render) {
        Rendered<T> hit = cache.get(r);
        if (hit != null && hit.version() == version && version >= 0) {
            return hit.value();
        }
        T value = render.get();
        if (cache.size() >= 1_000) {
            cache.clear();
        }
        cache.put(r, new Rendered<>(version, value));
        return value;
    }

    /** The board over the services. */
    public BoardPage(Services services) {
        this.services = services;
    }

    private record Filters(List<String> subsidiaries, List<String> units, long madeAt) {
    }

    /** The query a request asks for. */
    record Request(String subsidiary, String unit, int stage, int limit) {

        static Request of(Context ctx) {
            return new Request(Format.textParam(ctx.queryParam("subsidiary"), "subsidiary", 200),
                    Format.textParam(ctx.queryParam("unit"), "unit", 300),
                    Format.intParam(ctx.queryParam("stage"), "stage", -1, -1, 3),
                    Format.intParam(ctx.queryParam("limit"), "limit", 50, 1, 500));
        }

        BoardQuery query() {
            return new BoardQuery(subsidiary.isEmpty() ? Optional.empty() : Optional.of(subsidiary),
                    unit.isEmpty() ? Optional.empty() : Optional.of(unit),
                    stage < 0 ? Optional.empty() : Optional.of(stage), Double.MIN_VALUE, limit);
        }
    }

    /** The routes. */
    public List<Route> routes() {
        Access reviewers = Access.roles(Role.ANALYST, Role.INVESTIGATOR);
        return List.of(
                new Route(HandlerType.GET, "/board", reviewers, Route.Kind.PAGE,
                        "The risk board (query: subsidiary, unit, stage, limit).", this::page),
                new Route(HandlerType.GET, "/api/board", reviewers, Route.Kind.API,
                        "The ranked board with 90-day trends (query: subsidiary, unit, stage 0-3, limit 1-500).",
                        this::api));
    }

    private void page(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Request request = Request.of(ctx);
        services.recordList(viewer, "board.view");
        long version = version();
        List<BoardEntry> entries = services.store().board(request.query());
        Filters f = filters();
        Html rows = rendered(rowsByQuery, request, version, () -> Html.each(entries, e -> {
            String p = services.names().pseudonym(e.person().user());
            return Html.of("""
                    <tr><td class="num">{}</td><td><a href="/people/{}">{}</a></td><td>{}</td><td>{}</td>\
                    <td class="num score">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>""",
                    e.rank(), p, p, e.person().subsidiary(), e.person().unit(), Format.score(e.latest().score()),
                    Format.stage(e.latest().stage()), String.join(", ", top(e.latest(), 3)),
                    trendOf(e).sparkline());
        }));
        Html subsidiaries = options(f.subsidiaries(), request.subsidiary());
        Html units = options(f.units(), request.unit());
        Html stages = Html.each(List.of(-1, 0, 1, 2, 3), s -> Html.of("<option value=\"{}\"{}>{}</option>",
                s < 0 ? "" : String.valueOf(s), Html.when(s == request.stage(), Html.of(" selected")),
                s < 0 ? "any" : "at least " + Format.stage(s)));
        ctx.html(services.layout().page(viewer, "Risk board", "/board", Html.of("""
                <h1>Risk board</h1>\
                <form class="filters" method="get" action="/board">\
                <label>Subsidiary <select name="subsidiary" id="filter-subsidiary"><option value="">any</option>{}</select></label>\
                <label>Unit <select name="unit" id="filter-unit"><option value="">any</option>{}</select></label>\
                <label>Critical-path stage <select name="stage" id="filter-stage">{}</select></label>\
                <button type="submit" id="apply-filters">Filter</button></form>\
                <p class="muted">People are named by pseudonym. Scores are leads for a human reviewer, never verdicts.</p>\
                <table id="board"><thead><tr><th class="num">Rank</th><th>Person</th><th>Subsidiary</th><th>Unit</th>\
                <th class="num">Score</th><th>Stage</th><th>Top indicators</th><th>Last {} days</th></tr></thead>\
                <tbody>{}</tbody></table>{}""", subsidiaries, units, stages, TREND_DAYS, rows,
                Html.when(entries.isEmpty(), Html.of("<p class=\"notice\">Nobody matches these filters.</p>")))));
    }

    private void api(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Request request = Request.of(ctx);
        services.recordList(viewer, "board.view");
        long version = version();
        byte[] json = rendered(jsonByQuery, request, version, () -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (BoardEntry e : services.store().board(request.query())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rank", e.rank());
                m.put("person", services.names().pseudonym(e.person().user()));
                m.put("subsidiary", e.person().subsidiary());
                m.put("unit", e.person().unit());
                m.put("role", e.person().role());
                m.put("day", e.latest().day().toString());
                m.put("score", e.latest().score());
                m.put("stage", e.latest().stage());
                m.put("indicators", top(e.latest(), 10));
                m.put("trend", trendOf(e).values());
                out.add(m);
            }
            try {
                return Json.MAPPER.writeValueAsBytes(Map.of("people", out));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException("cannot write the board: " + ex.getOriginalMessage(), ex);
            }
        });
        ctx.status(200).contentType("application/json").result(json);
    }

    private Trend trendOf(BoardEntry e) {
        LocalDate last = e.latest().day();
        long version = version();
        Trend cached = trends.get(e.person().user());
        if (cached != null && cached.last().equals(last) && cached.version() == version && version >= 0) {
            return cached;
        }
        double[] values = loadTrend(e, last);
        Trend t = new Trend(version, last, values, Sparkline.of(values, SPARK_LABEL));
        trends.put(e.person().user(), t);
        return t;
    }

    private static final String SPARK_LABEL = "score over the last " + TREND_DAYS + " days";

    private double[] loadTrend(BoardEntry e, LocalDate last) {
        List<DailyScore> days = services.store().dailyScores(e.person().user(), last.minusDays(TREND_DAYS - 1), last);
        double[] values = new double[TREND_DAYS];
        for (DailyScore d : days) {
            int i = (int) (d.day().toEpochDay() - last.minusDays(TREND_DAYS - 1).toEpochDay());
            if (i >= 0 && i < TREND_DAYS) {
                values[i] = d.score();
            }
        }
        return values;
    }

    private static List<String> top(DailyScore score, int n) {
        return score.contributions().stream().map(Contribution::indicator)
                .filter(i -> !i.equals(RiskModel.CRITICAL_PATH)).limit(n).toList();
    }

    private static Html options(List<String> values, String selected) {
        return Html.each(values, v -> Html.of("<option value=\"{}\"{}>{}</option>", v,
                Html.when(v.equals(selected), Html.of(" selected")), v));
    }

    private Filters filters() {
        Filters f = filters;
        long now = System.nanoTime();
        if (f == null || now - f.madeAt() > 60_000_000_000L) {
            TreeSet<String> subsidiaries = new TreeSet<>();
            TreeSet<String> units = new TreeSet<>();
            for (PersonSummary p : services.store().people()) {
                if (!p.subsidiary().isEmpty()) {
                    subsidiaries.add(p.subsidiary());
                }
                if (!p.unit().isEmpty()) {
                    units.add(p.unit());
                }
            }
            f = new Filters(List.copyOf(subsidiaries), List.copyOf(units), now);
            filters = f;
        }
        return f;
    }
}
