package org.custos.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.server.security.Guard;
import org.custos.server.web.Route;
import org.custos.store.Role;

/**
 * OpenApi writes the OpenAPI 3.1 document of the JSON API from the route table itself, so the document lists
 * exactly the routes the server serves, each with the roles that may call it ({@code x-custos-roles}).
 */
final class OpenApi {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {
    }

    static Map<String, Object> document(List<Route> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Custos API", "version", "1",
                "description", "JSON over HTTP for everything the dashboard does. Sign in with POST /api/session; "
                        + "send the session cookie and, on every POST/PUT/PATCH/DELETE, the csrfToken it returns in "
                        + "the " + Guard.CSRF_HEADER + " header. Errors are {status, error} with a 4xx status and a "
                        + "one-line message. See docs/api.md."));
        doc.put("servers", List.of(Map.of("url", "/")));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.kind() != Route.Kind.API) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<>());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", r.summary());
            op.put("operationId", operationId(r));
            List<Map<String, Object>> params = new ArrayList<>();
            Matcher m = PARAM.matcher(r.path());
            while (m.find()) {
                params.add(Map.of("name", m.group(1), "in", "path", "required", true,
                        "schema", Map.of("type", "string")));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            List<String> roles = r.access().publicRoute() ? List.of()
                    : r.access().roles().stream().map(Role::id).toList();
            op.put("x-custos-roles", roles);
            if (!r.access().publicRoute()) {
                op.put("security", List.of(Map.of("session", List.of())));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", "OK", "content",
                    Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
            responses.put("4XX", Map.of("description", "Refused: bad input (400), not signed in (401), role or CSRF "
                    + "refused (403), unknown id (404), conflict (409), too large (413), wrong content type (415), "
                    + "overloaded (429 with Retry-After)", "content", Map.of("application/json",
                    Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
            op.put("responses", responses);
            item.put(r.method().name().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("session", Map.of("type", "apiKey", "in", "cookie", "name", Guard.COOKIE)),
                "schemas", Map.of("Problem", Map.of("type", "object", "required", List.of("status", "error"),
                        "properties", Map.of("status", Map.of("type", "integer"), "error", Map.of("type", "string"))))));
        return doc;
    }

    private static String operationId(Route r) {
        StringBuilder id = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
        for (String part : r.path().split("/")) {
            if (part.isEmpty() || part.equals("api")) {
                continue;
            }
            String clean = part.replaceAll("[{}]", "");
            id.append(Character.toUpperCase(clean.charAt(0))).append(clean.substring(1).replace("-", ""));
        }
        return id.toString();
    }
}
