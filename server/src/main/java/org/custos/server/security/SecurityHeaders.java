package org.custos.server.security;

import io.javalin.http.Context;

/**
 * SecurityHeaders are the response headers every answer carries: a strict Content-Security-Policy (scripts and
 * styles only from the server itself, no inline script, no framing), no MIME sniffing, referrers only to this site (a browser then sends a true Origin on same-site posts), and no caching
 * of anything but the static assets.
 */
public final class SecurityHeaders {

    /** The Content-Security-Policy of every answer. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private SecurityHeaders() {
    }

    /** Sets the headers; static assets may be cached, everything else is {@code no-store}. */
    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        String path = ctx.path();
        if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
            ctx.header("Cache-Control", "private, max-age=3600");
        } else {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
