package org.custos.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Assets are the paths of the browser libraries served from WebJars on the classpath (htmx and Chart.js), found
 * from the WebJars' own Maven metadata so they follow the managed versions.
 *
 * @param htmx the path of htmx.min.js
 * @param chartJs the path of chart.umd.js
 */
public record Assets(String htmx, String chartJs) {

    /** The assets on the classpath. */
    public static Assets fromClasspath() {
        return new Assets("/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js",
                "/webjars/chart.js/" + version("chart.js") + "/dist/chart.umd.js");
    }

    private static String version(String artifact) {
        String resource = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + artifact + " is missing from the classpath ("
                        + resource + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
