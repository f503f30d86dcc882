package org.custos.server.accounts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.server.security.Passwords;
import org.custos.server.security.Sessions;
import org.custos.server.web.Access;
import org.custos.server.web.Html;
import org.custos.server.web.HttpProblem;
import org.custos.server.web.Json;
import org.custos.server.web.Layout;
import org.custos.server.web.Route;
import org.custos.server.web.Services;
import org.custos.server.web.Viewer;
import org.custos.store.Account;
import org.custos.store.Role;
import org.custos.store.Store;
import org.custos.store.StoreException;

/**
 * AccountsPage is account management for admins: list accounts, create one with a random password shown once,
 * reset a password, unlock a locked account. Passwords are never chosen by the admin, so none is ever weak or
 * reused.
 */
public final class AccountsPage {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9._-]{1,39}");

    private final Services services;
    private final Store store;
    private final Sessions sessions;
    private final Layout layout;
    private final Clock clock;

    /** Account management over the services and the live sessions. */
    public AccountsPage(Services services, Sessions sessions) {
        this.services = services;
        this.store = services.store();
        this.sessions = sessions;
        this.layout = services.layout();
        this.clock = services.clock();
    }

    /** The routes. */
    public List<Route> routes() {
        Access admin = Access.roles(Role.ADMIN);
        return List.of(
                new Route(HandlerType.GET, "/accounts", admin, Route.Kind.PAGE, "The accounts page.", this::page),
                new Route(HandlerType.POST, "/accounts", admin, Route.Kind.PAGE,
                        "Creates an account (form: name, role); shows its password once.", this::createForm),
                new Route(HandlerType.POST, "/accounts/{name}/reset", admin, Route.Kind.PAGE,
                        "Gives an account a new random password, unlocks it and ends its sessions.",
                        this::resetForm),
                new Route(HandlerType.GET, "/api/accounts", admin, Route.Kind.API, "Every account.", this::apiList),
                new Route(HandlerType.POST, "/api/accounts", admin, Route.Kind.API,
                        "Creates an account from JSON {name, role}; answers with its password, shown only here.",
                        this::apiCreate));
    }

    private void page(Context ctx) {
        services.record(Viewer.of(ctx), "accounts.view", null);
        ctx.html(render(Viewer.of(ctx), Html.empty()));
    }

    private String render(Viewer viewer, Html notice) {
        Html rows = Html.each(store.accounts(), a -> Html.of("""
                <tr><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td><td>{}</td><td>\
                <form method="post" action="/accounts/{}/reset" class="inline"><input type="hidden" name="_csrf" value="{}">\
                <button type="submit">New password</button></form></td></tr>""",
                a.name(), a.role().id(), a.failedAttempts(),
                a.lockedAt(clock.instant()) ? Html.of("<span class=\"bad\">until {}</span>", a.lockedUntil().get())
                        : Html.of("<span class=\"muted\">no</span>"),
                a.created(), a.name(), viewer.session().csrfToken()));
        Html roles = Html.each(List.of(Role.values()), r -> Html.of("<option value=\"{}\">{}</option>", r.id(), r.id()));
        return layout.page(viewer, "Accounts", "/accounts", Html.of("""
                <h1>Accounts</h1>{}\
                <table><thead><tr><th>Name</th><th>Role</th><th class="num">Failed sign-ins</th><th>Locked</th>\
                <th>Created</th><th></th></tr></thead><tbody>{}</tbody></table>\
                <h2>New account</h2><form method="post" action="/accounts" class="filters">\
                <input type="hidden" name="_csrf" value="{}">\
                <label>Name <input name="name" id="account-name" required pattern="[a-z][a-z0-9._-]{1,39}"></label>\
                <label>Role <select name="role" id="account-role">{}</select></label>\
                <button type="submit" class="primary" id="create-account">Create</button></form>""",
                notice, rows, viewer.session().csrfToken(), roles));
    }

    private Account create(Context ctx, String name, String roleId, String[] password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw HttpProblem.badRequest("name: 2 to 40 characters, lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter");
        }
        Role role;
        try {
            role = Role.parse(roleId == null ? "" : roleId);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("role: " + e.getMessage());
        }
        password[0] = Passwords.random();
        services.record(Viewer.of(ctx), "account.create", null, name, role.id());
        try {
            return store.createAccount(name, role, Passwords.hash(password[0]), clock.instant());
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.CONFLICT) {
                throw HttpProblem.conflict("an account named '" + name + "' already exists");
            }
            throw e;
        }
    }

    private void createForm(Context ctx) {
        String[] password = new String[1];
        Account a = create(ctx, ctx.formParam("name"), ctx.formParam("role"), password);
        ctx.html(render(Viewer.of(ctx), passwordNotice(a.name(), password[0])));
    }

    private static Html passwordNotice(String name, String password) {
        return Html.of("<p class=\"notice\" role=\"status\">Password for <strong>{}</strong>: "
                + "<code id=\"new-password\">{}</code> — shown only now; hand it over in person.</p>", name,
                password);
    }

    private void resetForm(Context ctx) {
        String name = ctx.pathParam("name");
        Account a = store.account(name).orElseThrow(() -> HttpProblem.notFound("no account named '" + name + "'"));
        String password = Passwords.random();
        services.record(Viewer.of(ctx), "account.reset", null, a.name());
        store.updateAccount(new Account(a.name(), a.role(), Passwords.hash(password), 0, Optional.empty(),
                a.created()));
        sessions.endAll(a.name());
        ctx.html(render(Viewer.of(ctx), passwordNotice(a.name(), password)));
    }

    private void apiList(Context ctx) {
        services.record(Viewer.of(ctx), "accounts.view", null);
        Json.ok(ctx, store.accounts().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("role", a.role().id());
            m.put("failedAttempts", a.failedAttempts());
            m.put("lockedUntil", a.lockedAt(clock.instant()) ? a.lockedUntil().get().toString() : null);
            m.put("created", a.created().toString());
            return m;
        }).toList());
    }

    private void apiCreate(Context ctx) {
        var body = Json.object(ctx);
        String[] password = new String[1];
        Account a = create(ctx, Json.text(body, "name"), Json.text(body, "role"), password);
        Json.send(ctx, 201, Map.of("name", a.name(), "role", a.role().id(), "password", password[0]));
    }
}
