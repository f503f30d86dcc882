package org.custos.cli.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.cli.report.Report;
import org.custos.cli.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ExportCommand is {@code custos export}: hands a report's alerts to the tools a security team already runs. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Send a report's alerts to a SIEM: OCSF Detection Finding JSON, CEF over syslog, or a signed "
                + "webhook.", "",
                "Each alert becomes one OCSF Detection Finding (--ocsf: one JSON object a line), one CEF syslog "
                        + "message (--cef udp://HOST:PORT or tcp://HOST:PORT), and/or one webhook POST of the "
                        + "finding, signed with HMAC-SHA256 (X-Custos-Signature: sha256=HEX over TIMESTAMP.BODY) and "
                        + "retried with exponential back-off on failures, 429 and 5xx (docs/alert-export.md).", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every alert exported", "  1  some alerts could not be delivered (each is named)",
                "  2  bad options, or the report is unreadable"})
public final class ExportCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "REPORT", description = "A report.json written by 'custos analyze'.")
    Path report;

    @Option(names = "--ocsf", paramLabel = "FILE", description = "Write the alerts as OCSF Detection Findings, one "
            + "JSON object a line.")
    Path ocsf;

    @Option(names = "--cef", paramLabel = "TARGET", description = "Send the alerts as CEF in RFC 5424 syslog to "
            + "udp://HOST:PORT or tcp://HOST:PORT.")
    String cef;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert's OCSF finding to URL, signed.")
    URI webhook;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "The webhook's HMAC secret: the file's "
            + "bytes, without a final line break.")
    Path secretFile;

    @Option(names = "--secret-env", paramLabel = "NAME", description = "The webhook's HMAC secret: the value of the "
            + "environment variable NAME.")
    String secretEnv;

    @Option(names = "--retries", defaultValue = "5", paramLabel = "N",
            description = "Webhook retries after the first attempt. Default: ${DEFAULT-VALUE}.")
    int retries;

    @Option(names = "--backoff-ms", defaultValue = "1000", paramLabel = "MS",
            description = "Wait before the first webhook retry; doubled each time, at most 60 s. "
                    + "Default: ${DEFAULT-VALUE}.")
    long backoffMillis;

    @Option(names = "--min-score", defaultValue = "0", paramLabel = "SCORE",
            description = "Export only alerts with at least this score. Default: ${DEFAULT-VALUE}.")
    double minScore;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (ocsf == null && cef == null && webhook == null) {
            throw new UsageException("nothing to do: give --ocsf FILE, --cef TARGET and/or --webhook URL");
        }
        if (retries < 0 || backoffMillis < 0) {
            throw new UsageException("--retries and --backoff-ms must be >= 0");
        }
        Senders.SyslogTarget syslog = null;
        if (cef != null) {
            try {
                syslog = Senders.SyslogTarget.parse(cef);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        byte[] secret = null;
        if (webhook != null) {
            secret = secret();
            String scheme = webhook.getScheme() == null ? "" : webhook.getScheme();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new UsageException("--webhook: '" + webhook + "' is not an http or https URL");
            }
        } else if (secretFile != null || secretEnv != null) {
            throw new UsageException("--secret-file and --secret-env need --webhook");
        }
        Report read = ReportFiles.read(report);
        List<Report.AlertEntry> alerts = read.alerts() == null ? List.of()
                : read.alerts().stream().filter(a -> a.score() >= minScore).toList();
        List<String> findings = new ArrayList<>();
        for (Report.AlertEntry alert : alerts) {
            findings.add(JSON.writeValueAsString(DetectionFinding.of(alert)));
        }
        int failures = 0;
        if (ocsf != null) {
            Path parent = ocsf.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(ocsf, StandardCharsets.UTF_8)) {
                for (String finding : findings) {
                    out.write(finding);
                    out.write('\n');
                }
            }
            System.out.println("ocsf: " + findings.size() + " findings -> " + ocsf.toAbsolutePath());
        }
        if (syslog != null) {
            String host = hostname();
            List<String> messages = alerts.stream().map(a -> Cef.syslog(a, host)).toList();
            try {
                Senders.syslog(syslog, messages);
                System.out.println("cef: " + messages.size() + " messages -> " + cef);
            } catch (IOException e) {
                failures += messages.size();
                System.err.println("custos: --cef " + cef + ": " + e.getMessage() + "; " + messages.size()
                        + " alerts not sent");
            }
        }
        if (webhook != null) {
            Webhook hook = new Webhook(webhook, secret, retries, backoffMillis, Thread::sleep);
            int delivered = 0;
            for (int i = 0; i < alerts.size(); i++) {
                Webhook.Delivery d = hook.post(findings.get(i), System.currentTimeMillis() / 1000);
                if (d.delivered()) {
                    delivered++;
                } else {
                    failures++;
                    System.err.println("custos: webhook: alert " + alerts.get(i).id() + " not delivered after "
                            + d.attempts() + " attempts (" + d.last() + ")");
                }
            }
            System.out.println("webhook: " + delivered + " of " + alerts.size() + " delivered -> " + webhook);
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.PROBLEM;
    }

    private byte[] secret() throws IOException {
        if ((secretFile == null) == (secretEnv == null)) {
            throw new UsageException("--webhook needs exactly one of --secret-file FILE or --secret-env NAME");
        }
        String value;
        if (secretFile != null) {
            if (!Files.isRegularFile(secretFile)) {
                throw new UsageException(secretFile + ": no such file");
            }
            value = Files.readString(secretFile, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
        } else {
            value = System.getenv(secretEnv);
            if (value == null) {
                throw new UsageException("--secret-env: environment variable " + secretEnv + " is not set");
            }
        }
        if (value.isEmpty()) {
            throw new UsageException("the webhook secret is empty");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }
}
