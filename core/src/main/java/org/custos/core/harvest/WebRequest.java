package org.custos.core.harvest;

import java.util.Objects;

/**
 * A WebRequest is one request a client made to the organization's public web server, as its access log records it.
 *
 * @param epochSecond when the request was made, in seconds since 1970-01-01T00:00:00Z
 * @param client the client's address as logged
 * @param userAgent the user agent the client declared; empty when the log has none
 * @param method the HTTP method ({@code GET}, {@code HEAD}, ...)
 * @param target the requested path with its query, as logged
 * @param status the HTTP status the server answered
 * @param bytes the size of the answer in bytes (0 when the log says {@code -})
 * @param referrer the referring page the client declared; empty when the log has none
 */
public record WebRequest(long epochSecond, String client, String userAgent, String method, String target,
        int status, long bytes, String referrer) {

    /** Checks that the required fields are present. */
    public WebRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        userAgent = userAgent == null ? "" : userAgent;
        referrer = referrer == null ? "" : referrer;
    }

    /** True when the server delivered the content: a 2xx answer or 304 (the client already holds it). */
    public boolean delivered() {
        return (status >= 200 && status < 300) || status == 304;
    }
}
