package org.custos.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every inclusion and consistency vector in the test resources' {@code merkle/} folder (from
 * transparency-dev/merkle, see its README): a vector is accepted exactly when it says {@code "wantErr": false}.
 */
class MerkleVectorsTest {

    static Path root() {
        try {
            return Path.of(MerkleVectorsTest.class.getResource("/merkle/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> vectors(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve(kind))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A uint64 of the vectors as Java's long with the same bits (2^64 - 1 becomes -1, which is refused). */
    static long uint64(Object number) {
        return ((Number) number).longValue();
    }

    static byte[] bytes(Object base64) {
        return Base64.getDecoder().decode((String) base64);
    }

    static List<byte[]> proof(Object list) {
        List<byte[]> out = new ArrayList<>();
        if (list != null) {
            for (Object o : (List<?>) list) {
                out.add(bytes(o));
            }
        }
        return out;
    }

    @Test
    void findsEveryVectorOfTheSharedSet() throws Exception {
        assertThat(vectors("inclusion")).hasSize(98);
        assertThat(vectors("consistency")).hasSize(98);
        assertThat(root().resolve("LICENSE")).exists();
    }

    @TestFactory
    Stream<DynamicTest> acceptsExactlyTheInclusionVectorsWithoutWantErr() throws Exception {
        return vectors("inclusion").stream().map(file -> DynamicTest.dynamicTest(root().relativize(file).toString(),
                () -> {
                    Map<String, Object> v = read(file);
                    ProofCheck check = Merkle.verifyInclusion(uint64(v.get("leafIdx")), uint64(v.get("treeSize")),
                            bytes(v.get("leafHash")), proof(v.get("proof")), bytes(v.get("root")));
                    assertThat(check.valid()).as("%s: %s (%s)", file.getFileName(), v.get("desc"), check.problem())
                            .isEqualTo(!(Boolean) v.get("wantErr"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> acceptsExactlyTheConsistencyVectorsWithoutWantErr() throws Exception {
        return vectors("consistency").stream().map(file -> DynamicTest.dynamicTest(
                root().relativize(file).toString(), () -> {
                    Map<String, Object> v = read(file);
                    ProofCheck check = Merkle.verifyConsistency(uint64(v.get("size1")), uint64(v.get("size2")),
                            bytes(v.get("root1")), bytes(v.get("root2")), proof(v.get("proof")));
                    assertThat(check.valid()).as("%s: %s (%s)", file.getFileName(), v.get("desc"), check.problem())
                            .isEqualTo(!(Boolean) v.get("wantErr"));
                }));
    }
}
