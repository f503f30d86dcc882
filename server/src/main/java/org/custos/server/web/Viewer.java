package org.custos.server.web;

import io.javalin.http.Context;
import org.custos.server.security.Session;
import org.custos.store.Role;

/**
 * A Viewer is the signed-in account behind a request, with the address it came from (for the audit log).
 *
 * @param session the session
 * @param role the account's role
 * @param address the client's address
 */
public record Viewer(Session session, Role role, String address) {

    private static final String KEY = "custos.viewer";

    /** The account name. */
    public String account() {
        return session.account();
    }

    /** Attaches the viewer to the request. */
    public void attach(Context ctx) {
        ctx.attribute(KEY, this);
    }

    /** The viewer of a request that passed the access check of a signed-in route. */
    public static Viewer of(Context ctx) {
        Viewer v = ctx.attribute(KEY);
        if (v == null) {
            throw new IllegalStateException("no signed-in viewer on " + ctx.path() + ": the route is public");
        }
        return v;
    }

    /** The viewer of a request, or null on a public route without a session. */
    public static Viewer orNull(Context ctx) {
        return ctx.attribute(KEY);
    }
}
