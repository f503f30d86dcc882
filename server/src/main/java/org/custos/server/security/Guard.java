package org.custos.server.security;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Route;
import org.custos.server.web.Viewer;
import org.custos.store.Role;

/**
 * Guard enforces a route's {@link org.custos.server.web.Access} before its handler runs: it finds the session from
 * the {@value #COOKIE} cookie, sends visitors who are not signed in to the sign-in page (pages) or answers 401
 * (API), refuses other roles with 403, and for every state change checks that the request comes from this site
 * (Origin, Sec-Fetch-Site) and, unless the route is public (sign-in), carries the session's CSRF token.
 */
public final class Guard {

    /** The session cookie: host-only, HTTPS-only, script-proof, never sent cross-site. */
    public static final String COOKIE = "__Host-custos-session";
    /** The header htmx and API clients send the CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field HTML forms send the CSRF token in. */
    public static final String CSRF_FIELD = "_csrf";

    private final Sessions sessions;

    /** A guard over the given sessions. */
    public Guard(Sessions sessions) {
        this.sessions = sessions;
    }

    /** The route's handler behind the access check. */
    public Handler wrap(Route route) {
        return ctx -> {
            Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
            session.ifPresent(s -> new Viewer(s, Role.valueOf(s.role()), ctx.ip()).attach(ctx));
            if (route.changesState()) {
                requireSameOrigin(ctx);
            }
            if (!route.access().publicRoute()) {
                if (session.isEmpty()) {
                    if (route.kind() == Route.Kind.PAGE && !route.changesState() && !isHtmx(ctx)) {
                        String next = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
                        ctx.redirect("/signin?next=" + java.net.URLEncoder.encode(next,
                                java.nio.charset.StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
                        return;
                    }
                    throw new HttpProblem(401, "sign in first");
                }
                Role role = Role.valueOf(session.get().role());
                if (!route.access().allows(role)) {
                    throw new HttpProblem(403, "the " + role.id() + " role may not use " + route.method() + " "
                            + route.path());
                }
            }
            if (route.changesState() && !route.access().publicRoute()) {
                String presented = ctx.header(CSRF_HEADER);
                if (presented == null) {
                    presented = formField(ctx);
                }
                if (!Sessions.csrfMatches(session.get(), presented)) {
                    throw new HttpProblem(403, "missing or wrong CSRF token; reload the page and try again");
                }
            }
            route.handler().handle(ctx);
        };
    }

    private static String formField(Context ctx) {
        String type = ctx.contentType();
        if (type == null) {
            return null;
        }
        type = type.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return ctx.formParam(CSRF_FIELD);
        }
        return null;
    }

    private static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** Refuses a state change that a browser says comes from another site. */
    static void requireSameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new HttpProblem(403, "cross-site request refused (Sec-Fetch-Site: " + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null) {
            String host = ctx.header("Host");
            String authority;
            try {
                authority = origin.equals("null") ? "" : URI.create(origin).getRawAuthority();
            } catch (IllegalArgumentException e) {
                authority = "";
            }
            if (host == null || !host.equalsIgnoreCase(authority)) {
                throw new HttpProblem(403, "cross-origin request refused (Origin: " + origin + ")");
            }
        }
    }

    /** The Set-Cookie value that gives the client its session token. */
    public static String sessionCookie(String token) {
        return COOKIE + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    /** The Set-Cookie value that removes the session cookie. */
    public static String clearedCookie() {
        return COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
