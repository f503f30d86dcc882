package org.custos.server.web;

import java.util.EnumSet;
import java.util.Set;
import org.custos.store.Role;

/**
 * Access says who may use a route: anyone (the sign-in page, static files), any signed-in account, or only the
 * listed roles.
 *
 * @param publicRoute true when no sign-in is needed
 * @param roles the roles allowed when sign-in is needed
 */
public record Access(boolean publicRoute, Set<Role> roles) {

    /** Copies the roles. */
    public Access {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** Anyone, signed in or not. */
    public static Access anyone() {
        return new Access(true, EnumSet.allOf(Role.class));
    }

    /** Every signed-in account, whatever its role. */
    public static Access signedIn() {
        return new Access(false, EnumSet.allOf(Role.class));
    }

    /** Only signed-in accounts with one of the roles. */
    public static Access roles(Role first, Role... rest) {
        return new Access(false, EnumSet.of(first, rest));
    }

    /** True when a signed-in account with this role may use the route. */
    public boolean allows(Role role) {
        return publicRoute || roles.contains(role);
    }
}
