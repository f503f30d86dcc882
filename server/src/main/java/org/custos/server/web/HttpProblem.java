package org.custos.server.web;

/**
 * An HttpProblem is a request the server refuses with a 4xx status and a one-line message for the client; it
 * never carries a stack trace to the client.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** A problem with the given status (400–499) and message. */
    public HttpProblem(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a problem status is 4xx, got " + status);
        }
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** 400: the request is malformed or a field is invalid. */
    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    /** 404: the named thing does not exist. */
    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    /** 409: the request conflicts with the current state. */
    public static HttpProblem conflict(String message) {
        return new HttpProblem(409, message);
    }
}
