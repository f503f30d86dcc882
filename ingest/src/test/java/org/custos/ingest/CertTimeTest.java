package org.custos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertTimeTest {

    private static long parse(String text) {
        byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.US_ASCII);
        return CertTime.epochSecond(b, 2, text.length());
    }

    @ParameterizedTest
    @CsvSource({
        "01/02/2010 06:49:00, 2010-01-02T06:49:00Z",
        "1/2/2010 6:49:00,    2010-01-02T06:49:00Z",
        "12/31/1999 23:59:59, 1999-12-31T23:59:59Z",
        "02/29/2000 00:00:00, 2000-02-29T00:00:00Z",
        "02/29/2012 12:00:00, 2012-02-29T12:00:00Z",
        "01/01/1970 00:00:00, 1970-01-01T00:00:00Z",
        "03/01/1900 00:00:00, 1900-03-01T00:00:00Z",
        "05/31/2011 10:11:12, 2011-05-31T10:11:12Z"
    })
    void readsLocalTimesAsUtc(String text, String expected) {
        assertThat(parse(text)).isEqualTo(Instant.parse(expected).getEpochSecond());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02/29/2010 00:00:00", "02/29/1900 00:00:00", "04/31/2010 00:00:00",
        "13/01/2010 00:00:00", "00/01/2010 00:00:00", "01/00/2010 00:00:00", "01/02/2010 24:00:00",
        "01/02/2010 06:60:00", "01/02/2010 06:49:60", "01/02/10 06:49:00", "01/02/2010 06:49", "01/02/2010T06:49:00",
        "01/02/2010 06:49:00 ", " 01/02/2010 06:49:00", "001/02/2010 06:49:00", "01/02/2010 6:4:00",
        "2010-01-02 06:49:00", "01/02/0000 06:49:00", "ab/cd/efgh ij:kl:mn"})
    void rejectsAnythingElse(String text) {
        assertThat(parse(text)).isEqualTo(CertTime.INVALID);
    }
}
