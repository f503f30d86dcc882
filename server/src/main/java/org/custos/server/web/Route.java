package org.custos.server.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * A Route is one entry of the server's route table: method, path, who may use it, what it answers and the
 * handler. Every route the server serves is one of these, so authorization is decided in one place and a test can
 * enumerate them all.
 *
 * @param method the HTTP method
 * @param path the Javalin path, with {@code {name}} parameters
 * @param access who may use it
 * @param kind a page (HTML, redirects to sign-in when signed out) or an API call (JSON, 401 when signed out)
 * @param summary one sentence for the OpenAPI document
 * @param handler the handler, run only after the access check passed
 */
public record Route(HandlerType method, String path, Access access, Kind kind, String summary, Handler handler) {

    /** What a route answers. */
    public enum Kind {
        /** An HTML page or fragment. */
        PAGE,
        /** JSON. */
        API
    }

    /** True for methods that change state and so need the CSRF token. */
    public boolean changesState() {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
