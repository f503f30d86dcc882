package org.custos.core.detector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custos.core.event.Urls;

/**
 * A SiteList recognizes the web sites of one category: a domain matches an entry when it equals it or is a
 * sub-domain of it; an entry with a path ({@code linkedin.com/jobs}) also needs the URL to contain that path.
 */
final class SiteList {

    private final Set<String> domains = new HashSet<>();
    private final List<String[]> withPath = new ArrayList<>();

    SiteList(Set<String> sites) {
        for (String site : sites) {
            String s = site.toLowerCase(Locale.ROOT);
            int slash = s.indexOf('/');
            if (slash < 0) {
                domains.add(s);
            } else {
                withPath.add(new String[] {s.substring(0, slash), s.substring(slash)});
            }
        }
    }

    /** True when the URL, whose lower-case domain is given, is on a listed site. */
    boolean matches(String domain, String url) {
        if (domains.contains(domain)) {
            return true;
        }
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            if (domains.contains(domain.substring(dot + 1))) {
                return true;
            }
        }
        for (String[] entry : withPath) {
            if (Urls.domainMatches(domain, entry[0]) && url.toLowerCase(Locale.ROOT).contains(entry[1])) {
                return true;
            }
        }
        return false;
    }
}
