package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.custos.core.detector.CustodyLedger.Holding;
import org.custos.core.event.CustodyMove;
import org.custos.core.event.DeviceUse;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.FileActivity;
import org.custos.core.event.Logon;
import org.custos.core.event.WebVisit;
import org.junit.jupiter.api.Test;

class SequencedSerializerTest {

    private static final Instant T = Instant.parse("2010-01-04T07:12:09.123456789Z");

    private static final String LONG_TEXT = "résumé 求职 job offer ".repeat(400);

    private static final List<Event> EVENTS = List.of(
            new Logon("{L1}", T, "RYH3994", "PC-1", Logon.Action.LOGOFF, true),
            new DeviceUse("{D1}", T, "RYH3994", "PC-1", DeviceUse.Action.CONNECT, null),
            new FileActivity("{F1}", T, "RYH3994", "PC-1", "R:\\secret\\plan.docx", FileActivity.Action.COPY, true,
                    false, ""),
            new EmailMessage("{E1}", T, "RYH3994", "PC-1", List.of("a@dtaa.com", "b@dtaa.com"), List.of(), List.of(),
                    "c@dtaa.com", EmailMessage.Action.SEND, 12_345, List.of("plan.docx"), 1, LONG_TEXT),
            new WebVisit("{W1}", T, "RYH3994", "PC-1", "http://jobs.example/apply?x=\u00e9", WebVisit.Action.UPLOAD,
                    "cv \uD83D\uDE00 emoji"),
            new CustodyMove("{C1}", T, "RYH3994", "PC-1", "SN-7", "binder", CustodyMove.Action.TRANSFER, null));

    private static byte[] write(Sequenced.Serializer serializer, List<Sequenced> records) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Sequenced s : records) {
            serializer.serialize(s, out);
        }
        return out.getCopyOfBuffer();
    }

    @Test
    void readsBackEveryKindOfEventWithNullsEmptyStringsAndNonAsciiText() throws IOException {
        List<Holding> holdings = List.of(new Holding("SN-7", "binder", "RYH3994", T, "{C0}"));
        List<Sequenced> records = new java.util.ArrayList<>();
        for (int i = 0; i < EVENTS.size(); i++) {
            records.add(new Sequenced(i * 1_000_003L, EVENTS.get(i), i % 2 == 0 ? null : "CJQ3968",
                    i == 5 ? holdings : List.of(), i == 3));
        }
        Sequenced.Serializer serializer = new Sequenced.Serializer();
        DataInputDeserializer in = new DataInputDeserializer(write(serializer, records));

        List<Sequenced> back = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            back.add(serializer.deserialize(in));
        }

        assertThat(back).isEqualTo(records);
        assertThat(in.available()).isZero();
    }

    @Test
    void readsAPersonsIdIntoTheSameStringEachTimeButEventIdsIntoNewOnes() throws IOException {
        Sequenced.Serializer serializer = new Sequenced.Serializer();
        Sequenced first = new Sequenced(1, EVENTS.get(0), null, List.of(), false);
        DataInputDeserializer in = new DataInputDeserializer(write(serializer, List.of(first, first)));

        Sequenced a = serializer.deserialize(in);
        Sequenced b = serializer.deserialize(in);

        assertThat(b).isEqualTo(a);
        assertThat(b.event().user()).isSameAs(a.event().user());
        assertThat(b.event().id()).isEqualTo(a.event().id()).isNotSameAs(a.event().id());
    }

    @Test
    void writesTextAsUtf8InOneBlockAfterItsLength() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        WireStrings.write(null, out);
        WireStrings.write("", out);
        WireStrings.write("é", out);
        WireStrings.write("x".repeat(200), out);

        byte[] bytes = out.getCopyOfBuffer();

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(bytes[1]).isEqualTo((byte) 1);
        assertThat(new byte[] {bytes[2], bytes[3], bytes[4]}).containsExactly(3, 0xC3, 0xA9);
        // 201 as two 7-bit groups, low first
        assertThat(new byte[] {bytes[5], bytes[6]}).containsExactly(0xC9, 0x01);
        assertThat(bytes).hasSize(7 + 200);
    }

    @Test
    void refusesALengthBeyondAnyStringInsteadOfAllocatingIt() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F};
        assertThatThrownBy(() -> new WireStrings().read(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class).hasMessageContaining("out of range");
    }
}
