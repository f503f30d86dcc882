package org.custos.material.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.core.classification.ClassificationLevel;
import org.custos.core.classification.ClassificationScheme;
import org.custos.core.classification.ClassificationSchemes;
import org.custos.material.extract.ExtractedText;
import org.custos.material.fingerprint.Fingerprint;
import org.custos.material.fingerprint.Winnowing;
import org.custos.material.text.TextNormalizer;
import org.custos.material.text.TokenizedText;

/**
 * A Registry is the file-backed index of classified material in {@code DATA/registry/}: {@code index.json} lists
 * every item's metadata and the classification scheme, and {@code items/ID.json} holds each item's text and
 * fingerprints, and {@code tokens/ID.tok} its tokens and index fingerprints in binary (see {@link TokenFile}), which
 * assessment reads. Every file is written to a temporary file first and then moved into place.
 *
 * <p>A token file keeps the item's fingerprints in two lists: those {@link Winnowing#doubled()} of the registry's
 * winnowing selects (the sparse index: about half, each of them also a fingerprint of any text that shares its
 * window), and the rest of those the winnowing itself selects (with the first list, the dense index). A token file
 * missing or made with other parameters (a registry from before token files, or other k, t) is rebuilt from the
 * item's JSON when first read.
 *
 * <p>One registry uses one classification scheme, fixed by its first item.
 */
public final class Registry {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int ID_LENGTH = 12;

    private final Path dir;
    private final Winnowing winnowing;
    private RegistryIndex index;
    private final Map<String, ItemSummary> byId = new HashMap<>();
    private List<ItemSummary> pending;

    private Registry(Path dir, Winnowing winnowing, RegistryIndex index) {
        this.dir = dir;
        this.winnowing = winnowing;
        this.index = index;
        index.items().forEach(i -> byId.put(i.id(), i));
    }

    /**
     * A Batch defers writing the registry's index file until it is closed, so that registering many documents
     * writes it once rather than once per document. Items are listed (and found by {@code list}, {@code find}) only
     * once the batch is closed.
     */
    public final class Batch implements AutoCloseable {
        private Batch() {
        }

        /** Writes the index with every item added in the batch. */
        @Override
        public void close() throws IOException {
            List<ItemSummary> added = pending;
            pending = null;
            if (added != null && !added.isEmpty()) {
                List<ItemSummary> items = new ArrayList<>(index.items());
                items.addAll(added);
                items.sort(Comparator.comparing(ItemSummary::name).thenComparing(ItemSummary::id));
                saveIndex(new RegistryIndex(1, batchScheme, items));
            }
        }
    }

    private String batchScheme;

    /** Starts a batch: items added until it is closed are written to the index file once, when it closes. */
    public Batch batch() {
        if (pending != null) {
            throw new IllegalStateException("a batch is already open on this registry");
        }
        pending = new ArrayList<>();
        return new Batch();
    }

    /** The on-disk form of the index. */
    record RegistryIndex(int version, String scheme, List<ItemSummary> items) {
    }

    /**
     * What {@link #add} did.
     *
     * @param item the item, new or already registered
     * @param added false when the same content was already registered
     */
    public record Added(ItemSummary item, boolean added) {
    }

    /** Opens the registry in {@code dataDir/registry}, empty when it does not exist yet. */
    public static Registry open(Path dataDir) {
        return open(dataDir, Winnowing.DEFAULT);
    }

    /** Opens the registry in {@code dataDir/registry} with the given fingerprint parameters. */
    public static Registry open(Path dataDir, Winnowing winnowing) {
        Path dir = dataDir.resolve("registry");
        Path indexFile = dir.resolve("index.json");
        if (!Files.exists(indexFile)) {
            return new Registry(dir, winnowing, new RegistryIndex(1, null, List.of()));
        }
        try {
            RegistryIndex index = JSON.readValue(indexFile.toFile(), RegistryIndex.class);
            if (index.items() == null) {
                throw new IllegalStateException(indexFile + ": not a Custos registry index (no \"items\" field)");
            }
            return new Registry(dir, winnowing, index);
        } catch (IOException e) {
            throw new IllegalStateException(indexFile + ": unreadable registry index: " + firstLine(e));
        }
    }

    /** The scheme this registry uses: the one of its items, or PRC while it is empty. */
    public ClassificationScheme scheme() {
        return ClassificationSchemes.preset(index.scheme() == null ? "prc" : index.scheme());
    }

    /** Every registered item's metadata, by name then id. */
    public List<ItemSummary> list() {
        return index.items();
    }

    /**
     * Registers a document at a level of a scheme; registering the same content again changes nothing.
     *
     * @throws IllegalArgumentException when the scheme differs from the registry's
     */
    public Added add(ExtractedText document, ClassificationScheme scheme, ClassificationLevel level, String project,
            String owner) throws IOException {
        String registryScheme = index.scheme() != null ? index.scheme() : pending != null ? batchScheme : null;
        if (registryScheme != null && !registryScheme.equals(scheme.id())) {
            throw new IllegalArgumentException("the registry uses scheme " + registryScheme + ", not "
                    + scheme.id() + "; register with --scheme " + registryScheme);
        }
        String id = document.sha256().substring(0, ID_LENGTH);
        ItemSummary existing = byId.get(id);
        if (existing != null) {
            return new Added(existing, false);
        }
        String text = document.text();
        TokenizedText tokens = TextNormalizer.tokenize(text);
        ItemSummary summary = new ItemSummary(id, document.name(), document.path(), level.id(), project, owner,
                tokens.codePoints());
        long[] grams = winnowing.kgramHashes(tokens.hashes());
        int[] selected = winnowing.select(grams);
        long[] hashes = new long[selected.length];
        for (int i = 0; i < selected.length; i++) {
            hashes[i] = grams[selected[i]];
        }
        RegisteredItem item = new RegisteredItem(summary, document.sha256(), scheme.id(), document.method(),
                winnowing.k(), winnowing.t(), text, hashes, selected);
        Files.createDirectories(dir.resolve("items"));
        Files.createDirectories(dir.resolve("tokens"));
        writeAtomically(itemFile(id), JSON.writeValueAsBytes(item));
        writeTokens(id, tokens, grams, selected);
        byId.put(id, summary);
        if (pending != null) {
            pending.add(summary);
            batchScheme = scheme.id();
            return new Added(summary, true);
        }
        List<ItemSummary> items = new ArrayList<>(index.items());
        items.add(summary);
        items.sort(Comparator.comparing(ItemSummary::name).thenComparing(ItemSummary::id));
        saveIndex(new RegistryIndex(1, scheme.id(), items));
        return new Added(summary, true);
    }

    /**
     * An item's tokens, read from its token file (rebuilt from the item's JSON when missing or made with other
     * parameters).
     */
    public TokenizedText tokens(ItemSummary summary) {
        ensureTokenFile(summary);
        try {
            return TokenFile.read(tokenFile(summary.id())).tokens();
        } catch (IOException e) {
            throw new IllegalStateException(tokenFile(summary.id()) + ": unreadable token file: " + firstLine(e));
        }
    }

    /**
     * An item's fingerprint hashes for the assessment index: those {@link Winnowing#doubled()} selects
     * ({@code dense} false), or all those the registry's winnowing selects ({@code dense} true); ascending within
     * each of the two groups, a hash selected at several places once for each.
     */
    public long[] indexFingerprints(ItemSummary summary, boolean dense) {
        ensureTokenFile(summary);
        try {
            TokenFile.Content content = TokenFile.readFingerprints(tokenFile(summary.id()), dense);
            if (!dense || content.denseOnly().length == 0) {
                return content.sparse();
            }
            long[] all = Arrays.copyOf(content.sparse(), content.sparse().length + content.denseOnly().length);
            System.arraycopy(content.denseOnly(), 0, all, content.sparse().length, content.denseOnly().length);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(tokenFile(summary.id()) + ": unreadable token file: " + firstLine(e));
        }
    }

    /** Opens an item's token file to read parts of it; the caller closes it. */
    public TokenReader openTokens(ItemSummary summary) {
        Path file = tokenFile(summary.id());
        try {
            // the usual case: a current token file, opened once (its header says whether it is current)
            TokenFile.Reader reader = new TokenFile.Reader(file, TokenFile.Reader.WHOLE_READ);
            if (reader.k == winnowing.k() && reader.t == winnowing.t()) {
                return new TokenReader(reader);
            }
            reader.close();
        } catch (IOException e) {
            // missing, damaged or of another version: rebuilt below from the item's JSON
        }
        ensureTokenFile(summary);
        try {
            return new TokenReader(new TokenFile.Reader(file, TokenFile.Reader.WHOLE_READ));
        } catch (IOException e) {
            throw new IllegalStateException(tokenFile(summary.id()) + ": unreadable token file: " + firstLine(e));
        }
    }

    /**
     * A TokenReader reads parts of one item's tokens from its token file: where an index fingerprint was selected,
     * and the tokens of a range, so that a long item is read only near a suspect's seeds.
     */
    public static final class TokenReader implements AutoCloseable {
        private final TokenFile.Reader reader;

        private TokenReader(TokenFile.Reader reader) {
            this.reader = reader;
        }

        /** The number of tokens. */
        public int size() {
            return reader.size;
        }

        /** The text's length in code points. */
        public int codePoints() {
            return reader.codePoints;
        }

        /** The k-gram positions where the item selected an index fingerprint with this hash (dense: either kind). */
        public int[] positions(long hash, boolean dense) {
            try {
                int[] sparse = positions(reader.sparse, reader.sparseAt, hash);
                if (!dense) {
                    return sparse;
                }
                int[] more = positions(reader.denseOnly(), reader.denseOnlyAt(), hash);
                if (more.length == 0) {
                    return sparse;
                }
                int[] all = Arrays.copyOf(sparse, sparse.length + more.length);
                System.arraycopy(more, 0, all, sparse.length, more.length);
                return all;
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }

        private static int[] positions(long[] hashes, int[] at, long hash) {
            int i = Arrays.binarySearch(hashes, hash);
            if (i < 0) {
                return new int[0];
            }
            int from = i;
            int to = i + 1;
            while (from > 0 && hashes[from - 1] == hash) {
                from--;
            }
            while (to < hashes.length && hashes[to] == hash) {
                to++;
            }
            return Arrays.copyOfRange(at, from, to);
        }

        /** Reads tokens [from, to) into the arrays, token i at index {@code i - base}. */
        public void read(int from, int to, long[] hashes, int[] starts, int[] ends, int base) {
            try {
                reader.read(from, to, hashes, starts, ends, base);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    private void ensureTokenFile(ItemSummary summary) {
        Path file = tokenFile(summary.id());
        if (Files.exists(file)) {
            try (TokenFile.Reader reader = new TokenFile.Reader(file)) {
                if (reader.k == winnowing.k() && reader.t == winnowing.t()) {
                    return;
                }
            } catch (IOException e) {
                // rebuilt below from the item's JSON, which is the record of truth
            }
        }
        RegisteredItem item = load(summary);
        TokenizedText tokens = TextNormalizer.tokenize(item.text());
        long[] grams = winnowing.kgramHashes(tokens.hashes());
        try {
            Files.createDirectories(dir.resolve("tokens"));
            writeTokens(summary.id(), tokens, grams, winnowing.select(grams));
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot write token file: " + firstLine(e));
        }
    }

    private void writeTokens(String id, TokenizedText tokens, long[] grams, int[] selected) throws IOException {
        int[] sparse = winnowing.doubled().select(grams);
        int[] denseOnly = new int[selected.length];
        int d = 0;
        int j = 0;
        for (int p : selected) {
            while (j < sparse.length && sparse[j] < p) {
                j++;
            }
            if (j >= sparse.length || sparse[j] != p) {
                denseOnly[d++] = p;
            }
        }
        denseOnly = Arrays.copyOf(denseOnly, d);
        long[][] sparseSorted = byHash(grams, sparse);
        long[][] denseSorted = byHash(grams, denseOnly);
        writeAtomically(tokenFile(id), TokenFile.encode(winnowing.k(), winnowing.t(), tokens, sparseSorted[0],
                toInts(sparseSorted[1]), denseSorted[0], toInts(denseSorted[1])));
    }

    /** The hashes at the given positions and the positions, both ordered by hash then position. */
    private static long[][] byHash(long[] grams, int[] positions) {
        Integer[] order = new Integer[positions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> grams[positions[a]] != grams[positions[b]]
                ? Long.compare(grams[positions[a]], grams[positions[b]]) : Integer.compare(positions[a], positions[b]));
        long[] hashes = new long[positions.length];
        long[] at = new long[positions.length];
        for (int i = 0; i < order.length; i++) {
            hashes[i] = grams[positions[order[i]]];
            at[i] = positions[order[i]];
        }
        return new long[][] {hashes, at};
    }

    private static int[] toInts(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    /**
     * The item with the given id, id prefix or name.
     *
     * @throws IllegalArgumentException when a name or prefix fits several items, naming their ids
     */
    public Optional<ItemSummary> find(String idOrName) {
        List<ItemSummary> byId = index.items().stream().filter(i -> i.id().equals(idOrName)).toList();
        if (byId.size() == 1) {
            return Optional.of(byId.get(0));
        }
        List<ItemSummary> found = index.items().stream()
                .filter(i -> i.name().equals(idOrName) || (idOrName.length() >= 4 && i.id().startsWith(idOrName)))
                .toList();
        if (found.size() > 1) {
            throw new IllegalArgumentException("'" + idOrName + "' fits several items: "
                    + found.stream().map(i -> i.id() + " (" + i.name() + ")").toList() + "; give the id");
        }
        return found.stream().findFirst();
    }

    /** Loads an item's text and fingerprints, recomputing the fingerprints when they were made with other k, t. */
    public RegisteredItem load(ItemSummary summary) {
        Path file = itemFile(summary.id());
        try {
            RegisteredItem item = JSON.readValue(file.toFile(), RegisteredItem.class);
            if (item.k() == winnowing.k() && item.t() == winnowing.t()) {
                return item;
            }
            List<Fingerprint> prints = winnowing.fingerprints(TextNormalizer.tokenize(item.text()));
            return new RegisteredItem(item.summary(), item.sha256(), item.scheme(), item.method(), winnowing.k(),
                    winnowing.t(), item.text(), prints.stream().mapToLong(Fingerprint::hash).toArray(),
                    prints.stream().mapToInt(Fingerprint::position).toArray());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": unreadable registry item: " + firstLine(e));
        }
    }

    /** Loads every item. */
    public List<RegisteredItem> loadAll() {
        return index.items().stream().map(this::load).toList();
    }

    /** Removes an item; false when there was none with that id. */
    public boolean remove(String id) throws IOException {
        List<ItemSummary> items = new ArrayList<>(index.items());
        if (!items.removeIf(i -> i.id().equals(id))) {
            return false;
        }
        saveIndex(new RegistryIndex(1, items.isEmpty() ? null : index.scheme(), items));
        byId.remove(id);
        Files.deleteIfExists(itemFile(id));
        Files.deleteIfExists(tokenFile(id));
        return true;
    }

    /** The fingerprint parameters used. */
    public Winnowing winnowing() {
        return winnowing;
    }

    private Path itemFile(String id) {
        return dir.resolve("items").resolve(id + ".json");
    }

    private Path tokenFile(String id) {
        return dir.resolve("tokens").resolve(id + ".tok");
    }

    private void saveIndex(RegistryIndex updated) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("index.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(updated));
        index = updated;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
