package org.custos.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions holds the signed-in sessions in memory, each ending after an idle and an absolute time-out.
 *
 * <p>A client holds a random 256-bit token; the server keeps only its SHA-256, so a memory dump of the session
 * table does not yield usable tokens. Every sign-in makes a new token (no session fixation). Sessions do not
 * survive a restart: everyone signs in again.
 */
public final class Sessions {

    /** The default idle time-out. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** The default absolute time-out. */
    public static final Duration ABSOLUTE = Duration.ofHours(8);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    /** Sessions with the given clock and time-outs. */
    public Sessions(Clock clock, Duration idle, Duration absolute) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** A started session and the token its client must present. */
    public record Started(Session session, String token) {
    }

    /** Starts a session for the account and returns it with its fresh token. */
    public Started start(String account, String role) {
        String token = randomToken();
        Instant now = clock.instant();
        Session s = new Session(idOf(token), account, role, randomToken(), now, now);
        byId.put(s.id(), s);
        return new Started(s, token);
    }

    /** The live session for the token, its idle timer reset; empty when unknown or timed out (then removed). */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String id = idOf(token);
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(absolute))) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = s.touched(now);
        byId.put(id, touched);
        return Optional.of(touched);
    }

    /** Ends the session (sign-out). */
    public void end(Session session) {
        byId.remove(session.id());
    }

    /** Ends every session of the account (after a password change or a lock). */
    public void endAll(String account) {
        byId.values().removeIf(s -> s.account().equals(account));
    }

    /** The number of live sessions (timed-out ones are dropped first). */
    public int size() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(absolute)));
        return byId.size();
    }

    /** True when the presented CSRF token is the session's (compared in constant time). */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private static String idOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
