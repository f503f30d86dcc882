package org.custos.server.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.server.web.Access;
import org.custos.server.web.Html;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Layout;
import org.custos.server.web.Route;
import org.custos.server.web.Viewer;
import org.custos.store.Account;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;

/**
 * SignIn is signing in and out, by form (pages) and by JSON (API), with the lockout rule counted per account.
 *
 * <p>A wrong name, a wrong password and a locked account all get the same answer; a password is checked against
 * a dummy hash when the name is unknown, so the answer time does not tell names apart either.
 */
public final class SignIn {

    private static final String DUMMY_HASH = Passwords.hash("not a password anybody uses");
    private static final String REFUSED = "wrong name or password, or the account is locked for a while";

    private final Store store;
    private final Sessions sessions;
    private final Layout layout;
    private final Clock clock;
    private final AuditLog auditLog;
    private final Object accountUpdates = new Object();

    /** Sign-in over the given accounts store and sessions. */
    public SignIn(Store store, Sessions sessions, Layout layout, Clock clock, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.store = store;
        this.sessions = sessions;
        this.layout = layout;
        this.clock = clock;
    }

    /** The routes: the sign-in page and form, sign-out, and the session API. */
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/signin", Access.anyone(), Route.Kind.PAGE, "The sign-in page.",
                        this::page),
                new Route(HandlerType.POST, "/signin", Access.anyone(), Route.Kind.PAGE,
                        "Signs in with a form (username, password); starts a session.", this::form),
                new Route(HandlerType.POST, "/signout", Access.signedIn(), Route.Kind.PAGE,
                        "Signs out and ends the session.", this::signOutPage),
                new Route(HandlerType.POST, "/api/session", Access.anyone(), Route.Kind.API,
                        "Signs in with JSON {username, password}; sets the session cookie and returns the CSRF "
                                + "token to send in X-CSRF-Token.", this::apiSignIn),
                new Route(HandlerType.GET, "/api/session", Access.signedIn(), Route.Kind.API,
                        "The signed-in account, its role and the session's CSRF token.", this::apiWhoAmI),
                new Route(HandlerType.DELETE, "/api/session", Access.signedIn(), Route.Kind.API,
                        "Signs out.", this::apiSignOut));
    }

    /** The page an account lands on after sign-in. */
    public static String home(Role role) {
        return switch (role) {
            case ADMIN -> "/accounts";
            case AUDITOR -> "/audit";
            case ANALYST, INVESTIGATOR -> "/board";
        };
    }

    private void page(Context ctx) {
        Viewer v = Viewer.orNull(ctx);
        if (v != null) {
            ctx.redirect(home(v.role()), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(signInPage(ctx.queryParam("next"), null));
    }

    private String signInPage(String next, String problem) {
        return layout.publicPage("Sign in", Html.of("""
                <div class="signin"><h1>Sign in</h1>{}\
                <form class="stack" method="post" action="/signin">\
                <input type="hidden" name="next" value="{}">\
                <label>Name <input name="username" id="username" autocomplete="username" required maxlength="100"></label>\
                <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required maxlength="200"></label>\
                <button type="submit" class="primary" id="signin">Sign in</button></form></div>""",
                problem == null ? Html.empty() : Html.of("<p class=\"error\" role=\"alert\">{}</p>", problem),
                safeNext(next)));
    }

    private void form(Context ctx) {
        String name = ctx.formParam("username");
        String password = ctx.formParam("password");
        Optional<Sessions.Started> started = attempt(name, password, ctx.ip());
        if (started.isEmpty()) {
            ctx.status(401).html(signInPage(ctx.formParam("next"), REFUSED));
            return;
        }
        endPrevious(ctx);
        ctx.header("Set-Cookie", Guard.sessionCookie(started.get().token()));
        String next = safeNext(ctx.formParam("next"));
        ctx.redirect(next.isEmpty() ? home(Role.valueOf(started.get().session().role())) : next,
                HttpStatus.SEE_OTHER);
    }

    private void signOutPage(Context ctx) {
        signOut(ctx);
        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
    }

    private void apiSignIn(Context ctx) {
        var body = Json.object(ctx);
        Optional<Sessions.Started> started = attempt(Json.text(body, "username"), Json.text(body, "password"),
                ctx.ip());
        if (started.isEmpty()) {
            throw new HttpProblem(401, REFUSED);
        }
        endPrevious(ctx);
        ctx.header("Set-Cookie", Guard.sessionCookie(started.get().token()));
        Json.ok(ctx, describe(started.get().session()));
    }

    private void apiWhoAmI(Context ctx) {
        Json.ok(ctx, describe(Viewer.of(ctx).session()));
    }

    private void apiSignOut(Context ctx) {
        signOut(ctx);
        ctx.status(204);
    }

    /** A new sign-in from a client that already had a session ends that session: one client, one session. */
    private void endPrevious(Context ctx) {
        Viewer previous = Viewer.orNull(ctx);
        if (previous != null) {
            sessions.end(previous.session());
        }
    }

    private void signOut(Context ctx) {
        Viewer v = Viewer.of(ctx);
        auditLog.append(AuditEntry.of(v.account(), v.role().id(), "session.signout", null, v.address()));
        auditLog.flush();
        sessions.end(v.session());
        ctx.header("Set-Cookie", Guard.clearedCookie());
    }

    private static Map<String, Object> describe(Session s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", s.account());
        out.put("role", Role.valueOf(s.role()).id());
        out.put("csrfToken", s.csrfToken());
        out.put("signedInAt", s.created().toString());
        return out;
    }

    /** Only a local path may be a redirect target: no scheme, no host, no protocol-relative URL. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 500 || next.chars().anyMatch(c -> c < 0x20)) {
            return "";
        }
        return next;
    }

    /** Checks a sign-in attempt, updating the account's failure count and lock; a new session when it succeeds. */
    Optional<Sessions.Started> attempt(String name, String password, String from) {
        Optional<Sessions.Started> started = check(name, password);
        String actor = name == null || name.isBlank() ? "(none)" : name.length() > 100 ? name.substring(0, 100) : name;
        auditLog.append(AuditEntry.of(actor, started.map(s -> Role.valueOf(s.session().role()).id()).orElse("none"),
                started.isPresent() ? "session.signin" : "session.signin.refused", null, from));
        auditLog.flush();
        return started;
    }

    private Optional<Sessions.Started> check(String name, String password) {
        if (name == null || password == null || name.isEmpty() || name.length() > 100 || password.length() > 200) {
            Passwords.matches("x", DUMMY_HASH);
            return Optional.empty();
        }
        Optional<Account> found = store.account(name);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            Passwords.matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        if (found.get().lockedAt(now)) {
            return Optional.empty();
        }
        boolean ok = Passwords.matches(password, found.get().passwordHash());
        synchronized (accountUpdates) {
            Account a = store.account(name).orElseThrow();
            if (ok) {
                if (a.failedAttempts() != 0 || a.lockedUntil().isPresent()) {
                    store.updateAccount(new Account(a.name(), a.role(), a.passwordHash(), 0, Optional.empty(),
                            a.created()));
                }
                return Optional.of(sessions.start(a.name(), a.role().name()));
            }
            int failures = a.failedAttempts() + 1;
            store.updateAccount(new Account(a.name(), a.role(), a.passwordHash(), failures,
                    Lockout.lockedUntil(failures, now), a.created()));
            return Optional.empty();
        }
    }
}
