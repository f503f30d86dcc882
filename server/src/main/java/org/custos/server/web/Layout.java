package org.custos.server.web;

import java.util.List;
import org.custos.store.Role;

/**
 * Layout is the page chrome around every HTML page: head with the CSRF token and the scripts from WebJars,
 * navigation for the viewer's role, and the sign-out button.
 */
public final class Layout {

    /** A link in the navigation bar and the roles that see it. */
    private record NavItem(String href, String label, List<Role> roles) {
    }

    private static final List<NavItem> NAV = List.of(
            new NavItem("/board", "Risk board", List.of(Role.ANALYST, Role.INVESTIGATOR)),
            new NavItem("/alerts", "Alerts", List.of(Role.ANALYST, Role.INVESTIGATOR)),
            new NavItem("/cases", "Cases", List.of(Role.ANALYST, Role.INVESTIGATOR)),
            new NavItem("/material", "Material", List.of(Role.ANALYST, Role.INVESTIGATOR)),
            new NavItem("/custody", "Custody", List.of(Role.ANALYST, Role.INVESTIGATOR)),
            new NavItem("/audit", "Audit", List.of(Role.AUDITOR)),
            new NavItem("/accounts", "Accounts", List.of(Role.ADMIN)));

    private final Assets assets;

    /** A layout that loads the given assets. */
    public Layout(Assets assets) {
        this.assets = assets;
    }

    /** A full page for a signed-in viewer; {@code section} is the nav entry to mark as current. */
    public String page(Viewer viewer, String title, String section, Html body) {
        Html nav = Html.each(NAV.stream().filter(n -> n.roles().contains(viewer.role())).toList(),
                n -> Html.of("<a href=\"{}\"{}>{}</a>", n.href(),
                        Html.when(n.href().equals(section), Html.of(" class=\"current\" aria-current=\"page\"")),
                        n.label()));
        Html header = Html.of("""
                <header class="top"><span class="brand">CUSTOS</span><nav>{}</nav>\
                <span class="who">{} · {}</span>\
                <form method="post" action="/signout"><input type="hidden" name="_csrf" value="{}">\
                <button type="submit" id="signout">Sign out</button></form></header>""",
                nav, viewer.account(), viewer.role().name().toLowerCase(java.util.Locale.ROOT),
                viewer.session().csrfToken());
        return document(title, viewer.session().csrfToken(), Html.of("{}<main>{}</main>", header, body));
    }

    /** A page for a visitor who is not signed in (sign-in, errors). */
    public String publicPage(String title, Html body) {
        return document(title, null, Html.of("<header class=\"top\"><span class=\"brand\">CUSTOS</span></header>"
                + "<main>{}</main>", body));
    }

    private String document(String title, String csrf, Html body) {
        return Html.of("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">\
                <meta name="viewport" content="width=device-width, initial-scale=1">\
                <title>{} · Custos</title>{}\
                <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"selfRequestsOnly":true}'>\
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/static/custos.css">\
                <script src="{}" defer></script><script src="{}" defer></script>\
                <script src="/static/custos.js" defer></script></head>
                <body>{}</body></html>
                """, title, csrf == null ? Html.empty() : Html.of("<meta name=\"csrf-token\" content=\"{}\">", csrf),
                assets.htmx(), assets.chartJs(), body).toString();
    }
}
