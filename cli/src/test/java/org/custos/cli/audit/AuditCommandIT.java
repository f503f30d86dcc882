package org.custos.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custos.cli.CommandRun;
import org.custos.cli.ExitCodes;
import org.custos.store.audit.AuditEntry;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.Merkle;
import org.custos.store.privacy.Pseudonyms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code custos audit} commands on a real log: verify, export and check heads, proofs, and the entry list. */
class AuditCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path data;
    String watched;

    @BeforeEach
    void writeLog() throws IOException {
        data = tmp.resolve("data");
        Pseudonyms pseudonyms = Pseudonyms.open(data);
        watched = pseudonyms.of("ACM2278");
        try (AuditLog log = AuditLog.open(data, Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC))) {
            for (int i = 0; i < 40; i++) {
                String subject = i % 4 == 0 ? watched : pseudonyms.of("USR" + i);
                log.append(new AuditEntry(i % 2 == 0 ? "li.wei" : "chen.jing", "investigator",
                        i % 5 == 0 ? "case.update" : "person.view", subject, List.of("case-" + i), "10.0.0.9",
                        Map.of()));
            }
        }
    }

    Path entries() {
        return AuditLog.folder(data).resolve("entries.log");
    }

    @Test
    void verifyExitsZeroWithOneLineOnAnIntactLog() {
        CommandRun run = CommandRun.of("audit", "verify", "--data", data.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).matches("audit log OK: 40 entries, root \\S{44}, 1 signed tree head checks out\\n");
    }

    @Test
    void verifyExitsOneNamingTheFirstChangedEntry() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(entries()));
        lines.set(17, lines.get(17).replace("chen.jing", "someone"));
        Files.write(entries(), lines);
        CommandRun run = CommandRun.of("audit", "verify", "--data", data.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(run.out()).isEqualTo("audit log FAILED at entry 17 (changed): entry 17 (entries.log line 18) was "
                + "changed: its content no longer matches the hash recorded when it was appended\n");
    }

    @Test
    void anExportedHeadCatchesALogCutShortWithItsHeads() throws IOException {
        Path head = tmp.resolve("head.json");
        assertThat(CommandRun.of("audit", "export-head", "--data", data.toString(), "--out", head.toString()).code())
                .isZero();
        assertThat(JSON.readTree(head.toFile()).get("size").asLong()).isEqualTo(40);
        List<String> lines = Files.readAllLines(entries());
        Files.write(entries(), lines.subList(0, 30));
        Files.delete(AuditLog.folder(data).resolve("heads.log"));
        assertThat(CommandRun.of("audit", "verify", "--data", data.toString()).code()).isZero();
        CommandRun run = CommandRun.of("audit", "verify", "--data", data.toString(), "--head", head.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(run.out()).startsWith("audit log FAILED at entry 30 (truncated): " + head + " (signed ")
                .endsWith("covers 40 entries but the log holds 30: entries 30 to 39 were removed from its end\n");
    }

    @Test
    void aHeadFromAnotherKeyIsRefusedWithTheExportedPublicKey() throws IOException {
        Path key = tmp.resolve("key.pem");
        assertThat(CommandRun.of("audit", "public-key", "--data", data.toString(), "--out", key.toString()).code())
                .isZero();
        assertThat(Files.readString(key)).startsWith("-----BEGIN PUBLIC KEY-----");
        Path other = tmp.resolve("other");
        try (AuditLog log = AuditLog.open(other, Clock.systemUTC())) {
            log.append(AuditEntry.of("x", "admin", "login", null, "local"));
        }
        CommandRun run = CommandRun.of("audit", "verify", "--data", other.toString(), "--public-key", key.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(run.out()).contains("(bad head)").contains("does not verify with the log's public key");
    }

    @Test
    void proveGivesAnInclusionProofThatChecksAgainstTheSignedHead() throws IOException {
        CommandRun run = CommandRun.of("audit", "prove", "13", "--data", data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode proof = JSON.readTree(run.out());
        assertThat(proof.get("entry").get("seq").asLong()).isEqualTo(13);
        assertThat(proof.get("treeSize").asLong()).isEqualTo(40);
        assertThat(proof.get("treeHead").get("root").asText()).isEqualTo(proof.get("root").asText());
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(p -> path.add(Base64.getDecoder().decode(p.asText())));
        byte[] leaf = Merkle.leafHash(JSON.writeValueAsString(proof.get("entry")).getBytes());
        assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(proof.get("leafHash").asText());
        assertThat(Merkle.verifyInclusion(13, 40, leaf, path,
                Base64.getDecoder().decode(proof.get("treeHead").get("root").asText())).valid()).isTrue();
        assertThat(CommandRun.of("audit", "prove", "40", "--data", data.toString()).code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void consistencyGivesAProofBetweenTwoSizes() throws IOException {
        CommandRun run = CommandRun.of("audit", "consistency", "7", "--data", data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode proof = JSON.readTree(run.out());
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(p -> path.add(Base64.getDecoder().decode(p.asText())));
        assertThat(Merkle.verifyConsistency(7, 40, Base64.getDecoder().decode(proof.get("root1").asText()),
                Base64.getDecoder().decode(proof.get("treeHead").get("root").asText()), path).valid()).isTrue();
        assertThat(CommandRun.of("audit", "consistency", "0", "--data", data.toString()).code())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void logListsWhoLookedAtAPersonsData() {
        CommandRun run = CommandRun.of("audit", "log", "--data", data.toString(), "--person", "ACM2278",
                "--action", "person.view");
        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).hasSize(8).allMatch(l -> l.contains("li.wei (investigator)  person.view  person "
                + watched));
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo(
                "       4  2026-11-29T08:00:00Z  li.wei (investigator)  person.view  person " + watched
                        + "  case-4  from 10.0.0.9");
        CommandRun limited = CommandRun.of("audit", "log", "--data", data.toString(), "--from", "38", "--json");
        assertThat(limited.out().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"action\":"));
    }

    @Test
    void verifyOfADirectoryWithoutALogIsBadUsage() {
        CommandRun run = CommandRun.of("audit", "verify", "--data", tmp.resolve("nothing").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("custos: ").contains("no audit log here (check --data)");
    }
}
