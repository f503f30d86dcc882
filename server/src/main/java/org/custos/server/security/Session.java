package org.custos.server.security;

import java.time.Instant;

/**
 * A Session is one signed-in account on one browser or client, from sign-in to sign-out or time-out.
 *
 * @param id the session id: the hash of the token the client holds, never the token itself
 * @param account the account name
 * @param role the account's role name at sign-in
 * @param csrfToken the synchronizer token every state-changing request of this session must carry
 * @param created when the session began (for the absolute time-out)
 * @param lastSeen when the session was last used (for the idle time-out)
 */
public record Session(String id, String account, String role, String csrfToken, Instant created, Instant lastSeen) {

    Session touched(Instant now) {
        return new Session(id, account, role, csrfToken, created, now);
    }
}
