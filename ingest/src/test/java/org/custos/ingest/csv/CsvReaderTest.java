package org.custos.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    /** One record as read: its line, fields, malformation and raw text. */
    record Record(long line, List<String> fields, String malformation, int malformedField, String raw,
            boolean terminated) {
    }

    private static List<Record> read(byte[] input, int bufferBytes, int maxRecordBytes) throws IOException {
        CsvReader csv = new CsvReader(new ByteArrayInputStream(input), bufferBytes, maxRecordBytes, n -> { });
        List<Record> records = new ArrayList<>();
        while (csv.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < csv.fieldCount(); i++) {
                fields.add(csv.text(i));
            }
            records.add(new Record(csv.line(), fields, csv.malformation(), csv.malformedField(), csv.raw(),
                    csv.terminated()));
        }
        return records;
    }

    private static List<Record> read(String input) throws IOException {
        return read(input.getBytes(StandardCharsets.UTF_8), 1 << 16, 1 << 20);
    }

    @Test
    void splitsPlainFieldsAtCommas() throws IOException {
        List<Record> records = read("a,b,,d\n");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.fields()).containsExactly("a", "b", "", "d");
            assertThat(r.malformation()).isNull();
            assertThat(r.line()).isEqualTo(1);
        });
    }

    @Test
    void keepsCommasAndLineBreaksInsideQuotedFieldsAndCountsLines() throws IOException {
        List<Record> records = read("""
                1,"hello, world",x
                2,"two
                lines",y
                3,z,w
                """);

        assertThat(records).extracting(Record::fields).containsExactly(
                List.of("1", "hello, world", "x"), List.of("2", "two\nlines", "y"), List.of("3", "z", "w"));
        assertThat(records).extracting(Record::line).containsExactly(1L, 2L, 4L);
        assertThat(records.get(1).raw()).isEqualTo("2,\"two\nlines\",y");
    }

    @Test
    void unescapesDoubledQuotesInQuotedFields() throws IOException {
        List<Record> records = read("\"say \"\"hi\"\"\",\"\"\"\",\"\"\n");

        assertThat(records.get(0).fields()).containsExactly("say \"hi\"", "\"", "");
    }

    @Test
    void treatsAQuoteInsideAnUnquotedFieldAsText() throws IOException {
        assertThat(read("5'10\" tall,x\n").get(0).fields()).containsExactly("5'10\" tall", "x");
    }

    @Test
    void acceptsCrLfLineEndsAndSkipsEmptyLines() throws IOException {
        List<Record> records = read("a,b\r\n\r\n\nc,\"d\"\r\n");

        assertThat(records).extracting(Record::fields).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(records).extracting(Record::line).containsExactly(1L, 4L);
    }

    @Test
    void readsAFinalLineWithoutLineBreakAsUnterminated() throws IOException {
        List<Record> records = read("a,b\nc,d");

        assertThat(records).extracting(Record::terminated).containsExactly(true, false);
        assertThat(records.get(1).fields()).containsExactly("c", "d");
    }

    @Test
    void reportsAQuotedFieldLeftOpenAtTheEnd() throws IOException {
        List<Record> records = read("a,b\nc,\"unfinished\nmore");

        assertThat(records.get(1).malformation()).contains("quoted field not closed");
        assertThat(records.get(1).malformedField()).isEqualTo(1);
        assertThat(records.get(1).raw()).isEqualTo("c,\"unfinished\nmore");
        assertThat(records.get(1).line()).isEqualTo(2);
    }

    @Test
    void reportsCharactersAfterAClosingQuoteAndResumesOnTheNextRecord() throws IOException {
        List<Record> records = read("\"ab\"cd,e\nf,g\n");

        assertThat(records.get(0).malformation()).isEqualTo("characters after the closing quote");
        assertThat(records.get(0).malformedField()).isEqualTo(0);
        assertThat(records.get(1).fields()).containsExactly("f", "g");
        assertThat(records.get(1).malformation()).isNull();
    }

    @Test
    void reportsInvalidUtf8WithTheFieldAndShowsTheByteInTheRawText() throws IOException {
        byte[] input = {'a', ',', 'b', (byte) 0xC3, 'x', ',', 'c', '\n', 'o', 'k', '\n'};

        List<Record> records = read(input, 1 << 16, 1 << 20);

        assertThat(records.get(0).malformation()).isEqualTo("invalid UTF-8 byte 0xC3 at byte 4 of the record");
        assertThat(records.get(0).malformedField()).isEqualTo(1);
        assertThat(records.get(0).raw()).isEqualTo("a,b\\xC3x,c");
        assertThat(records.get(1).fields()).containsExactly("ok");
    }

    @Test
    void decodesValidMultiByteUtf8() throws IOException {
        assertThat(read("名前,Zoë\n").get(0).fields()).containsExactly("名前", "Zoë");
    }

    @Test
    void readsRecordsThatStraddleBufferRefillsAndGrowsForLongRecords() throws IOException {
        StringBuilder input = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String text = "x".repeat(i % 53) + (i % 7 == 0 ? ",\n\"" : "");
            String quoted = "\"" + text.replace("\"", "\"\"") + "\"";
            input.append(i).append(',').append(quoted).append(",tail\n");
            expected.add(List.of(Integer.toString(i), text, "tail"));
        }

        List<Record> records = read(input.toString().getBytes(StandardCharsets.UTF_8), 16, 1 << 20);

        assertThat(records).extracting(Record::fields).isEqualTo(expected);
    }

    @Test
    void skipsARecordLongerThanTheLimitAndResumesOnItsNextLine() throws IOException {
        String input = "a,b\nc,\"" + "y".repeat(100) + "\nd,e\n";

        List<Record> records = read(input.getBytes(StandardCharsets.UTF_8), 16, 64);

        assertThat(records.get(1).malformation()).startsWith("record longer than 64 bytes");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).fields()).containsExactly("d", "e");
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void skipsASingleOverlongLineWithoutLineBreakInsideTheBuffer() throws IOException {
        String input = "a,b\n" + "z".repeat(500) + "\nd,e\n";

        List<Record> records = read(input.getBytes(StandardCharsets.UTF_8), 16, 64);

        assertThat(records).hasSize(3);
        assertThat(records.get(1).malformation()).startsWith("record longer than");
        assertThat(records.get(1).raw()).startsWith("zzzz");
        assertThat(records.get(2).fields()).containsExactly("d", "e");
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void reportsEveryByteReadAsProgress() throws IOException {
        byte[] input = "a,b\nc,d\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        AtomicLong progress = new AtomicLong();
        CsvReader csv = new CsvReader(new ByteArrayInputStream(input), 16, 1024, progress::addAndGet);

        int records = 0;
        while (csv.next()) {
            records++;
        }

        assertThat(records).isEqualTo(200);
        assertThat(progress.get()).isEqualTo(input.length);
    }
}
