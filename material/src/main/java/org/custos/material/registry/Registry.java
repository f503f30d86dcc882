package org.custos.material.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.custos.core.classification.ClassificationLevel;
import org.custos.core.classification.ClassificationScheme;
import org.custos.core.classification.ClassificationSchemes;
import org.custos.material.extract.ExtractedText;
import org.custos.material.fingerprint.Fingerprint;
import org.custos.material.fingerprint.Winnowing;
import org.custos.material.text.TextNormalizer;

/**
 * A Registry is the file-backed index of classified material in {@code DATA/registry/}: {@code index.json} lists
 * every item's metadata and the classification scheme, and {@code items/ID.json} holds each item's text and
 * fingerprints. Every file is written to a temporary file first and then moved into place.
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

    private Registry(Path dir, Winnowing winnowing, RegistryIndex index) {
        this.dir = dir;
        this.winnowing = winnowing;
        this.index = index;
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
        if (index.scheme() != null && !index.scheme().equals(scheme.id())) {
            throw new IllegalArgumentException("the registry uses scheme " + index.scheme() + ", not "
                    + scheme.id() + "; register with --scheme " + index.scheme());
        }
        String id = document.sha256().substring(0, ID_LENGTH);
        Optional<ItemSummary> existing = index.items().stream().filter(i -> i.id().equals(id)).findFirst();
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        String text = document.text();
        ItemSummary summary = new ItemSummary(id, document.name(), document.path(), level.id(), project, owner,
                text.codePointCount(0, text.length()));
        List<Fingerprint> prints = winnowing.fingerprints(TextNormalizer.tokenize(text));
        long[] hashes = new long[prints.size()];
        int[] positions = new int[prints.size()];
        for (int i = 0; i < prints.size(); i++) {
            hashes[i] = prints.get(i).hash();
            positions[i] = prints.get(i).position();
        }
        RegisteredItem item = new RegisteredItem(summary, document.sha256(), scheme.id(), document.method(),
                winnowing.k(), winnowing.t(), text, hashes, positions);
        Files.createDirectories(dir.resolve("items"));
        writeAtomically(itemFile(id), JSON.writeValueAsBytes(item));
        List<ItemSummary> items = new ArrayList<>(index.items());
        items.add(summary);
        items.sort(Comparator.comparing(ItemSummary::name).thenComparing(ItemSummary::id));
        saveIndex(new RegistryIndex(1, scheme.id(), items));
        return new Added(summary, true);
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
        Files.deleteIfExists(itemFile(id));
        return true;
    }

    /** The fingerprint parameters used. */
    public Winnowing winnowing() {
        return winnowing;
    }

    private Path itemFile(String id) {
        return dir.resolve("items").resolve(id + ".json");
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
