package org.custos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void leavesPlainFieldsBare() {
        assertThat(Csv.line("a", "R:\\;R:\\Photos", "Project 12 design review.pdf", ""))
                .isEqualTo("a,R:\\;R:\\Photos,Project 12 design review.pdf,");
    }

    @Test
    void quotesFieldsWithCommasQuotesOrLineBreaks() {
        assertThat(Csv.line("x", "a,b", "say \"hi\"", "two\nlines"))
                .isEqualTo("x,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"");
    }

    @Property
    void everyFieldReadsBackUnchanged(@ForAll String first, @ForAll String second) {
        String line = Csv.line(first.replace("\n", " ").replace("\r", " "), second.replace("\n", " ")
                .replace("\r", " "));
        assertThat(CsvRows.fields(line)).containsExactly(first.replace("\n", " ").replace("\r", " "),
                second.replace("\n", " ").replace("\r", " "));
    }
}
