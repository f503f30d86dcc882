package org.custos.core.event;

import java.util.Locale;

/** Urls extracts the parts of URLs and e-mail addresses that detectors compare, without allocation-heavy parsing. */
public final class Urls {

    private Urls() {
    }

    /**
     * The lower-case host name of a URL, without user information ({@code user@}) or a leading {@code www.}; empty
     * when the URL has none.
     */
    public static String domain(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int authorityEnd = url.length();
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                authorityEnd = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', authorityEnd - 1);
        if (at >= start) {
            start = at + 1;
        }
        int end = authorityEnd;
        int colon = url.indexOf(':', start);
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        String host = url.substring(start, end).toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** The lower-case domain of an e-mail address (after the last {@code @}); empty when there is none. */
    public static String mailDomain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    /** True when {@code domain} equals {@code suffix} or is a sub-domain of it. */
    public static boolean domainMatches(String domain, String suffix) {
        return domain.equals(suffix)
                || (domain.length() > suffix.length() && domain.endsWith(suffix)
                        && domain.charAt(domain.length() - suffix.length() - 1) == '.');
    }
}
