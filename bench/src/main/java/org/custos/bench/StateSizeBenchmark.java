package org.custos.bench;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custos.cli.analyze.Analyzer;
import org.custos.core.engine.Engine;

/**
 * StateSizeBenchmark measures the per-person state the engine keeps (every detector's state and the live risk
 * signals) as Java-serialized bytes, the form a distributed runner would store, after analyzing a directory.
 *
 * <p>All people's states are written through one stream, so class descriptors and the shared indicator records are
 * counted once rather than once per person; the figure is the average and the 99th percentile of the bytes each
 * person adds.
 * <pre>
 * ./mvnw -q -pl bench -am install -DskipTests
 * java -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:cli/target/custos.jar" \
 *     org.custos.bench.StateSizeBenchmark /tmp/custos-bench/p1000-d500-s1
 * </pre>
 */
public final class StateSizeBenchmark {

    private StateSizeBenchmark() {
    }

    /** Analyzes the directory given as the only argument and prints the state sizes. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Long> sizes = new ArrayList<>();
        Analyzer.run(dir, null, Analyzer.Settings.defaults(), false, engine -> sizes.addAll(measure(engine)));
        long[] sorted = sizes.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = sizes.stream().mapToLong(Long::longValue).average().orElse(0);
        System.out.printf(Locale.ROOT, "%d people; serialized state per person: mean %.0f bytes, median %d, p99 %d, "
                + "max %d%n", sorted.length, mean, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)],
                sorted[sorted.length - 1]);
    }

    private static List<Long> measure(Engine engine) {
        Counter counter = new Counter();
        List<Long> sizes = new ArrayList<>();
        try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
            for (String user : engine.users()) {
                out.flush();
                long before = counter.count;
                out.writeObject(new ArrayList<>(engine.stateOf(user)));
                out.flush();
                sizes.add(counter.count - before);
            }
        } catch (IOException e) {
            throw new IllegalStateException("state is not serializable: " + e.getMessage(), e);
        }
        return sizes;
    }

    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
