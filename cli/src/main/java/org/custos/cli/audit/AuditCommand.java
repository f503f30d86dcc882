package org.custos.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custos.cli.ExitCodes;
import org.custos.cli.UsageException;
import org.custos.store.Store;
import org.custos.store.StoreAuditTrail;
import org.custos.store.StoreException;
import org.custos.store.Stores;
import org.custos.store.audit.AuditLog;
import org.custos.store.audit.AuditRecord;
import org.custos.store.audit.SignedTreeHead;
import org.custos.store.audit.Verification;
import org.custos.store.privacy.Pseudonyms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * AuditCommand is {@code custos audit}: it verifies the tamper-evident audit log, exports signed tree heads and the
 * public key, gives inclusion and consistency proofs, and lists who did what to whose data.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Check and read the tamper-evident audit log in DATA/audit (docs/audit-log.md).", "",
                "Every action and every view of a person's data is an entry of an RFC 9162 Merkle tree whose heads "
                        + "are signed with the log's Ed25519 key. Export a tree head now and then and keep it "
                        + "elsewhere: 'verify --head' then proves the log was not rewritten since.", ""},
        subcommands = {AuditCommand.Verify.class, AuditCommand.ExportHead.class, AuditCommand.PublicKey.class,
                AuditCommand.Prove.class, AuditCommand.Consistency.class, AuditCommand.Log.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  verify found a problem, or the log is in use or damaged",
                "  2  bad usage, no audit log, or an unreadable file"})
public final class AuditCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Path requireLog(Path dataDir) {
        Path folder = AuditLog.folder(dataDir);
        if (!Files.isRegularFile(folder.resolve("entries.log"))) {
            throw new UsageException(folder + ": no audit log here (check --data)");
        }
        return folder;
    }

    static void write(CommandSpec spec, Path out, String text) throws IOException {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String pretty(ObjectNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    /** {@code custos audit verify}: replays the whole log, names the first bad entry, then checks the store. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Replay the whole audit log: recompute every entry's hash and the Merkle tree, check every "
                    + "signed tree head in the log and every exported head given with --head, and name the first "
                    + "entry that was changed, removed, reordered, inserted or truncated (one line).",
                    "Then check the store against what the log recorded of it (as 'custos store verify' does): "
                    + "batches, the number and content of the stored events, and the cases, notes and evidence the "
                    + "log recorded. The store is the embedded one in --data when there is one, or --store. Prints "
                    + "one more line for the store, or one line per problem found in it."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  the whole log checks out and the store matches it",
                    "  1  something is wrong: the lines name the first bad entry and each problem of the store",
                    "  2  no audit log in --data, or an unreadable --head or --public-key file"})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--head", paramLabel = "FILE",
                description = "A tree head exported earlier with 'audit export-head' (repeatable).")
        List<Path> heads = List.of();

        @Option(names = "--public-key", paramLabel = "FILE",
                description = "Check signatures with this key (PEM) instead of the log's own public-key.pem; use the "
                        + "copy you exported, so a replaced key pair is noticed.")
        Path publicKey;

        @Option(names = "--store", paramLabel = "URL",
                description = "Check this PostgreSQL store (jdbc:postgresql://host/db?user=U&password=P, or PGUSER/"
                        + "PGPASSWORD) against the log instead of the embedded store in --data.")
        String storeUrl;

        @Option(names = "--log-only", description = "Check the log only, not the store.")
        boolean logOnly;

        @Override
        public Integer call() throws IOException {
            requireLog(data.dir);
            if (storeUrl != null && !storeUrl.startsWith("jdbc:postgresql:")) {
                throw new UsageException("--store: expected a jdbc:postgresql://… URL, got '" + storeUrl + "'");
            }
            if (storeUrl != null && logOnly) {
                throw new UsageException("--store and --log-only: give one of them");
            }
            Map<String, SignedTreeHead> exported = new LinkedHashMap<>();
            for (Path head : heads) {
                try {
                    exported.put(head.toString(), SignedTreeHead.parse(Files.readString(head)));
                } catch (NoSuchFileException e) {
                    throw new UsageException(head + ": no such file");
                } catch (IllegalArgumentException e) {
                    throw new UsageException(head + ": not a tree head: " + e.getMessage());
                }
            }
            String pem = null;
            if (publicKey != null) {
                try {
                    pem = Files.readString(publicKey);
                } catch (NoSuchFileException e) {
                    throw new UsageException(publicKey + ": no such file");
                }
            }
            Verification v;
            try {
                v = AuditLog.verify(data.dir, exported, pem);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(v.summary());
            boolean storeOk = logOnly || checkStore(out);
            out.flush();
            return v.ok() && storeOk ? ExitCodes.OK : ExitCodes.PROBLEM;
        }

        /** Checks the store against the log, printing one line or one per problem; true when it matches. */
        private boolean checkStore(PrintWriter out) throws IOException {
            String where = storeUrl != null ? storeUrl
                    : Stores.hasEmbedded(data.dir) ? data.dir.toString() : null;
            if (where == null) {
                return true;
            }
            List<String> problems;
            String location;
            try (Store store = Stores.open(where)) {
                location = store.info().location();
                problems = StoreAuditTrail.check(store, data.dir);
            } catch (StoreException e) {
                out.println("problem: the store was not checked: " + e.getMessage());
                return false;
            } catch (IllegalStateException e) {
                out.println("problem: the store was not checked against the log: " + e.getMessage());
                return false;
            }
            if (problems.isEmpty()) {
                out.println("store " + location + " matches the audit log");
                return true;
            }
            problems.forEach(p -> out.println("problem: store " + location + ": " + p));
            return false;
        }
    }

    /** {@code custos audit export-head}: signs a tree head over the whole log and writes it as JSON. */
    @Command(name = "export-head", aliases = "tree-head", mixinStandardHelpOptions = true,
            description = {"Sign a tree head over every entry of the audit log now and write it as JSON (size, root, "
                    + "time, signature). Keep it outside the data directory: 'audit verify --head FILE' later proves "
                    + "that the log still starts with exactly those entries."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  success", "  1  the log is in use by another process, or damaged (run 'audit verify')",
                    "  2  bad usage or an unwritable file"})
    static final class ExportHead implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            requireLog(data.dir);
            SignedTreeHead head;
            try (AuditLog log = AuditLog.open(data.dir, Clock.systemUTC())) {
                head = log.signedTreeHead();
            }
            write(spec, out, head.toJson() + "\n");
            return ExitCodes.OK;
        }
    }

    /** {@code custos audit public-key}: writes the log's Ed25519 public key as PEM. */
    @Command(name = "public-key", mixinStandardHelpOptions = true,
            description = {"Write the audit log's Ed25519 public key (PEM, SubjectPublicKeyInfo) that checks its "
                    + "signed tree heads; the key pair is created on first use."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  success", "  1  the log is in use or damaged", "  2  bad usage or an unwritable file"})
    static final class PublicKey implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            Path file = AuditLog.folder(data.dir).resolve("public-key.pem");
            String pem;
            if (Files.isRegularFile(file)) {
                pem = Files.readString(file);
            } else {
                try (AuditLog log = AuditLog.open(data.dir, Clock.systemUTC())) {
                    pem = log.publicKeyPem();
                }
            }
            write(spec, out, pem);
            return ExitCodes.OK;
        }
    }

    /** {@code custos audit prove}: the inclusion proof of one entry against a signed tree head. */
    @Command(name = "prove", aliases = "inclusion", mixinStandardHelpOptions = true,
            description = {"Print the entry INDEX with its RFC 9162 inclusion proof as JSON: leafIdx, treeSize, "
                    + "leafHash, proof, root (the field names of the RFC 9162 test vectors; see docs/audit-log.md) "
                    + "and the signed tree head of that size, so anyone with the public key can check it."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  success", "  1  the log is in use or damaged", "  2  bad usage or no such entry"})
    static final class Prove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "INDEX", description = "The entry's index (from 0).")
        long index;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            requireLog(data.dir);
            ObjectNode node = JSON.createObjectNode();
            try (AuditLog log = AuditLog.open(data.dir, Clock.systemUTC())) {
                SignedTreeHead head = log.signedTreeHead();
                if (index < 0 || index >= head.size()) {
                    throw new UsageException("INDEX: the log has entries 0 to " + (head.size() - 1) + ", not " + index);
                }
                AuditLog.InclusionProof proof = log.inclusionProof(index, head.size());
                AuditRecord record = log.entry(index);
                node.set("entry", JSON.readTree(record.toJson()));
                node.put("leafIdx", proof.index());
                node.put("treeSize", proof.treeSize());
                node.put("leafHash", b64(proof.leafHash()));
                ArrayNode path = node.putArray("proof");
                proof.path().forEach(p -> path.add(b64(p)));
                node.put("root", b64(proof.root()));
                node.set("treeHead", JSON.readTree(head.toJson()));
            }
            write(spec, out, pretty(node));
            return ExitCodes.OK;
        }
    }

    /** {@code custos audit consistency}: the consistency proof between two sizes of the log. */
    @Command(name = "consistency", mixinStandardHelpOptions = true,
            description = {"Print the RFC 9162 consistency proof that the log's first SIZE1 entries are a prefix of "
                    + "its first SIZE2 (default: a signed tree head over the whole log) as JSON: size1, size2, "
                    + "root1, root2, proof, and the signed tree head of SIZE2 when it is the whole log."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  success", "  1  the log is in use or damaged", "  2  bad usage or sizes outside the log"})
    static final class Consistency implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "SIZE1", description = "The older size (at least 1).")
        long first;

        @Parameters(index = "1", arity = "0..1", paramLabel = "SIZE2", description = "The newer size.")
        Long second;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            requireLog(data.dir);
            ObjectNode node = JSON.createObjectNode();
            try (AuditLog log = AuditLog.open(data.dir, Clock.systemUTC())) {
                SignedTreeHead head = log.signedTreeHead();
                long to = second == null ? head.size() : second;
                AuditLog.ConsistencyProof proof;
                try {
                    proof = log.consistencyProof(first, to);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("SIZE1, SIZE2: " + e.getMessage());
                }
                node.put("size1", proof.firstSize());
                node.put("size2", proof.secondSize());
                node.put("root1", b64(proof.firstRoot()));
                node.put("root2", b64(proof.secondRoot()));
                ArrayNode path = node.putArray("proof");
                proof.path().forEach(p -> path.add(b64(p)));
                if (to == head.size()) {
                    node.set("treeHead", JSON.readTree(head.toJson()));
                }
            }
            write(spec, out, pretty(node));
            return ExitCodes.OK;
        }
    }

    /** {@code custos audit log}: lists entries, filtered by actor, person, action. */
    @Command(name = "log", mixinStandardHelpOptions = true,
            description = {"List audit entries in order — who (role), what, whose data (pseudonym), which objects, "
                    + "from where, when — optionally only those of one actor, one person or one action. Reads the "
                    + "files without locking, so it works while the server runs."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  success", "  1  a line of the log is not a valid entry (run 'audit verify')",
                    "  2  bad usage or no audit log"})
    static final class Log implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Option(names = "--from", paramLabel = "INDEX", defaultValue = "0", description = "First entry to list.")
        long from;

        @Option(names = "--limit", paramLabel = "N", description = "List at most N entries.")
        Long limit;

        @Option(names = "--actor", paramLabel = "USER", description = "Only what USER did.")
        String actor;

        @Option(names = "--person", paramLabel = "ID",
                description = "Only entries about the data of the person with user id ID (matched by pseudonym).")
        String person;

        @Option(names = "--subject", paramLabel = "PSEUDONYM", description = "Only entries about PSEUDONYM.")
        String subject;

        @Option(names = "--action", paramLabel = "ACTION",
                description = "Only this action, or a prefix ending in a dot (e.g. case.).")
        String action;

        @Option(names = "--json", description = "One entry per line as its canonical JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            requireLog(data.dir);
            if (from < 0 || limit != null && limit < 0) {
                throw new UsageException("--from and --limit are not negative");
            }
            if (person != null && subject != null) {
                throw new UsageException("--person and --subject: give one of them");
            }
            if (person != null && !Files.isRegularFile(data.dir.resolve(Pseudonyms.SECRET_FILE))) {
                throw new UsageException("--person: " + data.dir.resolve(Pseudonyms.SECRET_FILE) + " does not exist, "
                        + "so no entry of this data directory names anyone by pseudonym");
            }
            String wanted = person != null ? Pseudonyms.open(data.dir).of(person) : subject;
            PrintWriter out = spec.commandLine().getOut();
            long[] shown = {0};
            AuditLog.read(data.dir, from, record -> {
                if (matches(record, wanted)) {
                    shown[0]++;
                    out.println(json ? record.toJson() : line(record));
                }
                return limit == null || shown[0] < limit;
            });
            out.flush();
            return ExitCodes.OK;
        }

        private boolean matches(AuditRecord record, String wantedSubject) {
            var e = record.entry();
            if (actor != null && !actor.equals(e.actor())) {
                return false;
            }
            if (wantedSubject != null && !wantedSubject.equals(e.subject())) {
                return false;
            }
            if (action != null) {
                return action.endsWith(".") ? e.action().startsWith(action) : action.equals(e.action());
            }
            return true;
        }

        static String line(AuditRecord record) {
            var e = record.entry();
            StringBuilder s = new StringBuilder();
            s.append(String.format("%8d  %s  %s (%s)  %s", record.index(), record.time(), e.actor(), e.role(),
                    e.action()));
            if (e.subject() != null) {
                s.append("  person ").append(e.subject());
            }
            if (!e.objects().isEmpty()) {
                s.append("  ").append(String.join(",", e.objects()));
            }
            s.append("  from ").append(e.from());
            e.details().forEach((k, v) -> s.append("  ").append(k).append('=').append(v));
            return s.toString();
        }
    }
}
