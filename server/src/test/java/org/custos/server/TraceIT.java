package org.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.custos.material.custody.CustodyFiles;
import org.custos.material.mark.MarkKey;
import org.custos.material.mark.Marking;
import org.custos.material.registry.Registry;
import org.custos.store.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracing a leaked copy from the material page's API: recipients as pseudonyms, every trace in the audit log. */
class TraceIT {

    @TempDir
    static Path dataDir;

    private static ServerHarness h;
    private static byte[] markedCopy;

    @BeforeAll
    static void startAndIssueACopy() throws Exception {
        h = new ServerHarness(dataDir);
        Registry registry = Registry.open(dataDir);
        Path out = dataDir.resolve("copy-for-acm0002.txt");
        new Marking(MarkKey.open(dataDir, true), CustodyFiles.open(dataDir)).mark(
                registry.load(registry.find("plan.txt").orElseThrow()), "ACM0002", "design review", "officer",
                Instant.parse("2026-02-01T09:00:00Z"), out);
        markedCopy = Files.readAllBytes(out);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static HttpResponse<String> trace(Role role, byte[] file) throws Exception {
        return h.send(new Multipart().file("file", "leak.txt", file).into(h.as(role, "/api/material/trace")).build());
    }

    @Test
    void namesTheRecipientOfAMarkedCopyByPseudonymAndRecordsTheTrace() throws Exception {
        long before = h.entriesFrom(0).size();
        HttpResponse<String> res = trace(Role.ANALYST, markedCopy);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode body = ServerHarness.json(res);
        assertThat(body.get("status").asText()).isEqualTo("identified");
        assertThat(body.get("copies").get(0).get("recipient").asText()).isEqualTo(h.pseudonym("ACM0002"));
        assertThat(res.body()).doesNotContain("ACM0002");
        assertThat(h.entriesFrom(before)).anySatisfy(e -> {
            assertThat(e.entry().action()).isEqualTo("material.trace");
            assertThat(e.entry().subject()).isEqualTo(h.pseudonym("ACM0002"));
        });
    }

    @Test
    void saysNoMarkForTheUnmarkedOriginal() throws Exception {
        HttpResponse<String> res = trace(Role.INVESTIGATOR, ServerHarness.PLAN.getBytes(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(ServerHarness.json(res).get("status").asText()).isIn("no-mark", "inconclusive");
        assertThat(ServerHarness.json(res).get("copies")).isEmpty();
    }
}
