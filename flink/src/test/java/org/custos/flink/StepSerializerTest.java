package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.custos.core.detector.Signal;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.junit.jupiter.api.Test;

class StepSerializerTest {

    private static final Indicator JOB_SEARCH = new Indicator("job-search", Category.values()[0],
            "Looked for work elsewhere", 1.5);
    private static final Indicator REVOKED = new Indicator("revoked-account-use", Category.values()[1],
            "A revoked account was used", 9.0, true);

    @Test
    void readsBackEveryKindOfStepWithItsSignalAndReusesIndicators() throws IOException {
        Instant t = Instant.parse("2010-01-04T07:12:09.5Z");
        List<Step> steps = List.of(
                new Step.PersonSeen(7, "RYH3994", "President", true),
                new Step.PersonSeen(8, "CJQ3968", null, false),
                new Step.DayStarted(7, "RYH3994", 14_613),
                new Step.SignalRaised(9, 2, "RYH3994", new Signal("RYH3994", JOB_SEARCH, t, 1.5,
                        List.of("{W1}", "{W2}"), "visited jobs.example 2 times")),
                new Step.SignalRaised(9, 3, "RYH3994", new Signal("RYH3994", REVOKED, t, 9.0, List.of("{L1}"),
                        null)),
                new Step.SignalRaised(10, 2, "CJQ3968", new Signal("CJQ3968", JOB_SEARCH, t, 3.0, List.of("{W3}"),
                        "é")),
                new Step.PersonTotal(Long.MAX_VALUE, "RYH3994", 1_234, 5, 6));
        StepSerializer serializer = new StepSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Step s : steps) {
            serializer.serialize(s, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());

        List<Step> back = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            back.add(serializer.deserialize(in));
        }

        assertThat(back).isEqualTo(steps);
        assertThat(in.available()).isZero();
        Indicator first = ((Step.SignalRaised) back.get(3)).signal().indicator();
        assertThat(((Step.SignalRaised) back.get(5)).signal().indicator()).isSameAs(first);
    }
}
