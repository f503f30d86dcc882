package org.custos.cli.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.custos.cli.report.Report;

/**
 * DetectionFinding renders a Custos alert as an OCSF Detection Finding (class 2004, OCSF 1.3): the alert id as the
 * finding's uid, the person as an observable, the score as risk score and severity, the indicators as the finding's
 * types and the story as its description. docs/alert-export.md lists every field.
 */
final class DetectionFinding {

    static final int CLASS_UID = 2004;

    private DetectionFinding() {
    }

    /** The OCSF severity id of a score: 5 critical (>= 90), 4 high (>= 70), 3 medium (>= 50), 2 low. */
    static int severityId(double score) {
        return score >= 90 ? 5 : score >= 70 ? 4 : score >= 50 ? 3 : 2;
    }

    /** The version of the running Custos (from the jar), or the development version. */
    static String productVersion() {
        String v = DetectionFinding.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** The finding for one alert. */
    static ObjectNode of(Report.AlertEntry alert) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = f.objectNode();
        long time = Instant.parse(alert.time()).toEpochMilli();
        int severity = severityId(alert.score());
        r.put("class_uid", CLASS_UID);
        r.put("class_name", "Detection Finding");
        r.put("category_uid", 2);
        r.put("category_name", "Findings");
        r.put("activity_id", 1);
        r.put("activity_name", "Create");
        r.put("type_uid", CLASS_UID * 100 + 1);
        r.put("time", time);
        r.put("severity_id", severity);
        r.put("severity", switch (severity) {
            case 5 -> "Critical";
            case 4 -> "High";
            case 3 -> "Medium";
            default -> "Low";
        });
        r.put("status_id", 1);
        r.put("status", "New");
        r.put("risk_score", (int) Math.round(alert.score()));
        r.put("message", "Insider-risk score " + alert.score() + " for " + alert.user());
        ObjectNode metadata = r.putObject("metadata");
        metadata.put("version", "1.3.0");
        metadata.put("uid", alert.id());
        ObjectNode product = metadata.putObject("product");
        product.put("name", "Custos");
        product.put("vendor_name", "Custos");
        product.put("version", productVersion());
        ObjectNode info = r.putObject("finding_info");
        info.put("uid", alert.id());
        info.put("title", "Insider-risk alert for " + alert.user());
        info.put("desc", alert.story() == null ? "" : alert.story());
        info.put("created_time", time);
        ArrayNode types = info.putArray("types");
        alert.indicators().forEach(types::add);
        ArrayNode observables = r.putArray("observables");
        ObjectNode user = observables.addObject();
        user.put("name", "user");
        user.put("type_id", 4);
        user.put("type", "User Name");
        user.put("value", alert.user());
        r.putObject("actor").putObject("user").put("name", alert.user());
        return r;
    }
}
