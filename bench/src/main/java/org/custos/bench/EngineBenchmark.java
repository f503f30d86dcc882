package org.custos.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.custos.core.detector.DetectorRegistry;
import org.custos.core.detector.OrgContext;
import org.custos.core.engine.Engine;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.Event;
import org.custos.core.event.Logon;
import org.custos.core.event.WebVisit;
import org.custos.core.organization.Organization;
import org.custos.core.risk.RiskModel;
import org.custos.core.risk.RiskParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EngineBenchmark measures the engine alone (every built-in detector and the risk model, no parsing) over a fixed
 * in-memory stream of 200 people × 120 days of logons, web visits and drive connections.
 *
 * <pre>
 * ./mvnw -q -pl bench -am install -DskipTests
 * ./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -pl bench -Dmdep.outputFile=/tmp/bench.cp
 * java -cp "bench/target/custos-bench-0.1.0-SNAPSHOT.jar:$(cat /tmp/bench.cp)" org.openjdk.jmh.Main EngineBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EngineBenchmark {

    static final int EVENTS = 200 * 120 * 30;

    private List<Event> events;

    /** Builds the stream once. */
    @Setup
    public void build() {
        SplittableRandom random = new SplittableRandom(42);
        events = new ArrayList<>(EVENTS);
        long day0 = Instant.parse("2010-01-04T00:00:00Z").getEpochSecond();
        int id = 0;
        for (int d = 0; d < 120; d++) {
            for (int s = 0; s < 30; s++) {
                for (int p = 0; p < 200; p++) {
                    String user = "U" + p;
                    Instant t = Instant.ofEpochSecond(day0 + d * 86_400L + 8 * 3600 + s * 600 + p);
                    String eid = Integer.toString(id++);
                    int kind = random.nextInt(10);
                    events.add(switch (kind) {
                        case 0 -> new Logon(eid, t, user, "PC-" + p, Logon.Action.LOGON, false);
                        case 1 -> new DeviceUse(eid, t, user, "PC-" + p, DeviceUse.Action.CONNECT, "");
                        default -> new WebVisit(eid, t, user, "PC-" + p, "http://site" + random.nextInt(50)
                                + ".com/page", WebVisit.Action.VISIT, "news sport weather market");
                    });
                }
            }
        }
    }

    /** Runs the whole stream through a fresh engine. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Object engine() {
        Engine engine = new Engine(DetectorRegistry.builtIn(), OrgContext.of(new Organization()),
                new RiskModel(RiskParameters.defaults()));
        events.forEach(engine::accept);
        return engine.finish();
    }
}
