package org.custos.cli.export;

import java.time.Instant;
import java.util.Locale;
import org.custos.cli.report.Report;

/**
 * Cef renders a Custos alert as an ArcSight Common Event Format (CEF:0) line inside an RFC 5424 syslog message:
 * facility local4, the syslog severity and the CEF severity (0-10) from the score. docs/alert-export.md lists every
 * field.
 */
final class Cef {

    private Cef() {
    }

    /** The CEF line of one alert (without syslog header). */
    static String line(Report.AlertEntry alert) {
        int severity = (int) Math.min(10, Math.round(alert.score() / 10));
        String signature = alert.indicators().isEmpty() ? "risk-alert" : alert.indicators().get(0);
        return "CEF:0|Custos|Custos|" + header(DetectionFinding.productVersion()) + "|" + header(signature) + "|"
                + header("Insider-risk alert for " + alert.user()) + "|" + severity + "|"
                + "rt=" + Instant.parse(alert.time()).toEpochMilli()
                + " suser=" + extension(alert.user())
                + " externalId=" + extension(alert.id())
                + " cn1Label=score cn1=" + String.format(Locale.ROOT, "%.2f", alert.score())
                + " cs1Label=indicators cs1=" + extension(String.join(",", alert.indicators()))
                + " msg=" + extension(alert.story() == null ? "" : alert.story());
    }

    /** The syslog message (RFC 5424) carrying the CEF line; {@code hostname} names the sender. */
    static String syslog(Report.AlertEntry alert, String hostname) {
        int syslogSeverity = alert.score() >= 90 ? 2 : alert.score() >= 70 ? 3 : alert.score() >= 50 ? 4 : 5;
        int pri = 20 * 8 + syslogSeverity;
        return "<" + pri + ">1 " + alert.time() + " " + (hostname.isEmpty() ? "-" : hostname.replace(' ', '_'))
                + " custos - alert - " + line(alert);
    }

    /* Header fields escape backslash and pipe; line breaks become spaces. */
    static String header(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace('\r', ' ').replace('\n', ' ');
    }

    /* Extension values escape backslash and equals; line breaks are written as \n and \r. */
    static String extension(String value) {
        return value.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n");
    }
}
