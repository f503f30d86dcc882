package org.custos.store.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A HeadsFile is the content of {@code heads.log}: one signed tree head per line, the problems of lines that are
 * not heads, where the last complete line ends, and the bytes of an incomplete last line.
 *
 * @param heads the heads read, in file order, each with its line number
 * @param problems one message per line that is not a valid head, naming the line
 * @param end where the last complete line ends
 * @param tornBytes bytes of an incomplete last line
 */
record HeadsFile(List<Numbered> heads, List<String> problems, long end, long tornBytes) {

    /**
     * A Numbered head is a head with the line of heads.log it was read from.
     *
     * @param line the line number, from 1
     * @param head the head
     */
    record Numbered(int line, SignedTreeHead head) {
    }

    /** The last head, or null when there is none. */
    SignedTreeHead last() {
        return heads.isEmpty() ? null : heads.get(heads.size() - 1).head();
    }

    /** Reads heads.log; {@code file} names it in messages. */
    static HeadsFile read(FileChannel channel, Path file) throws IOException {
        List<Numbered> heads = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long end = 0;
        long torn = 0;
        int number = 0;
        LineReader lines = new LineReader(channel, 0);
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.complete()) {
                torn = line.length();
                break;
            }
            number++;
            end = line.offset() + line.length() + 1;
            String text = new String(line.bytes(), line.from(), line.length(), StandardCharsets.UTF_8);
            try {
                heads.add(new Numbered(number, SignedTreeHead.parse(text)));
            } catch (IllegalArgumentException e) {
                problems.add(file + " line " + number + ": " + e.getMessage());
            }
        }
        return new HeadsFile(heads, problems, end, torn);
    }
}
