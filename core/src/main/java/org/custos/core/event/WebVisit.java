package org.custos.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A WebVisit is a person visiting, downloading from or uploading to a URL.
 *
 * @param url the full URL
 * @param content the words of the page when the source has them, else empty
 */
public record WebVisit(String id, Instant time, String user, String host, String url, Action action, String content)
        implements Event {

    /** What the person did at the URL; {@code VISIT} where the source does not say. */
    public enum Action { VISIT, DOWNLOAD, UPLOAD }

    /** Checks that the required fields are present. */
    public WebVisit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(action, "action");
        content = content == null ? "" : content;
    }

    /** The host name of the URL in lower case, without a leading {@code www.}; empty when there is none. */
    public String domain() {
        return Urls.domain(url);
    }

    @Override
    public EventKind kind() {
        return EventKind.HTTP;
    }
}
