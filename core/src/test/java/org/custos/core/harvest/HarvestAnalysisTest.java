package org.custos.core.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HarvestAnalysisTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
    private static final long T0 = 1_262_592_000L;

    /* 400 readers each read 2 documents of /publications/optics (of 60), drawn from the 10 most popular. */
    private static void readers(HarvestAnalysis analysis) {
        for (int r = 0; r < 400; r++) {
            String client = "10.0." + (r / 250) + "." + (r % 250);
            analysis.accept(new WebRequest(T0 + r * 60, client, BROWSER, "GET", "/", 200, 9000, ""));
            analysis.accept(T0 + r * 60 + 1, client, BROWSER, "/static/site.css", 200, 400);
            analysis.accept(T0 + r * 60 + 5, client, BROWSER, "/publications/optics/p" + (r % 10) + ".pdf", 200,
                    400_000);
            analysis.accept(T0 + r * 60 + 9, client, BROWSER, "/publications/optics/p" + ((r * 7) % 10) + ".pdf",
                    200, 400_000);
        }
        for (int d = 10; d < 60; d++) {
            analysis.accept(T0 + 90_000 + d, "10.9.9." + d, BROWSER, "/publications/optics/p" + d + ".pdf", 200, 1);
        }
    }

    @Test
    void reportsABulkDownloaderWithEveryDocumentItTookInOrder() {
        HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults());
        readers(analysis);
        for (int i = 0; i < 150; i++) {
            analysis.accept(T0 + 3600 + i, "192.0.2.7", "python-requests/2.31.0",
                    "/publications/area" + (i % 5) + "/doc" + i + ".pdf?dl=1", 200, 1000);
        }
        HarvestReport report = analysis.finish();

        assertThat(report.harvesters()).hasSize(1);
        Harvester h = report.harvesters().get(0);
        assertThat(h.client()).isEqualTo("192.0.2.7");
        assertThat(h.documents()).hasSize(150);
        assertThat(h.documents().get(0)).isEqualTo("/publications/area0/doc0.pdf");
        assertThat(h.documents().get(149)).isEqualTo("/publications/area4/doc149.pdf");
        assertThat(h.reasons()).anyMatch(r -> r.startsWith("bulk: took 150 distinct documents"));
        assertThat(h.peakPerMinute()).isEqualTo(60);
        assertThat(h.sessions()).isEqualTo(1);
    }

    @Test
    void ordinaryReadersAreNotHarvesters() {
        HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults());
        readers(analysis);
        HarvestReport report = analysis.finish();

        assertThat(report.harvesters()).isEmpty();
        assertThat(report.clients()).isEqualTo(450);
        assertThat(report.documentsKnown()).isEqualTo(60);
    }

    @Test
    void reportsASweepOfHalfAnAreaEvenBelowTheBulkThreshold() {
        HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults());
        readers(analysis);
        for (int d = 0; d < 40; d++) {
            analysis.accept(T0 + 200_000 + d * 120, "198.51.100.4", BROWSER, "/publications/optics/p" + d + ".pdf",
                    200, 1);
        }
        HarvestReport report = analysis.finish();

        assertThat(report.harvesters()).singleElement().satisfies(h -> {
            assertThat(h.reasons()).contains("area sweep: took 40 of the 60 known documents of /publications/optics"
                    + " (67 %), 30 of them from its less-read half");
            assertThat(h.areas()).containsExactly(new AreaShare("/publications/optics", 40, 60));
        });
    }

    @Test
    void aReaderBingingOnTheMostReadHalfOfAnAreaIsNoSweep() {
        HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults());
        for (int d = 0; d < 60; d++) {
            for (int r = 0; r <= 60 - d; r++) {
                analysis.accept(T0 + d * 100 + r, "10.1." + d + "." + r, BROWSER, "/publications/optics/q" + d
                        + ".pdf", 200, 1);
            }
        }
        for (int d = 0; d < 32; d++) {
            analysis.accept(T0 + 200_000 + d * 120, "198.51.100.5", BROWSER, "/publications/optics/q" + d + ".pdf",
                    200, 1);
        }
        assertThat(analysis.finish().harvesters()).isEmpty();
    }

    @Test
    void reportsAClientWorkingDownAListingThroughItsUnpopularDocuments() {
        HarvestParameters loose = HarvestParameters.defaults();
        HarvestAnalysis analysis = new HarvestAnalysis(loose);
        readers(analysis);
        for (int d = 0; d < 400; d++) {
            analysis.accept(T0 + 300_000 + d, "10.8.0." + (d % 200), BROWSER, "/publications/big/x" + (d % 20)
                    + ".pdf", 200, 1);
        }
        for (int d = 0; d < 200; d++) {
            analysis.accept(T0 + 400_000 + d, "10.7." + (d / 200) + "." + (d % 200), BROWSER,
                    "/publications/big/x" + d + ".pdf", 200, 1);
        }
        for (int d = 50; d < 95; d++) {
            analysis.accept(T0 + 500_000 + d * 300, "203.0.113.9", BROWSER, "/publications/big/x" + d + ".pdf",
                    200, 1);
        }
        HarvestReport report = analysis.finish();

        assertThat(report.harvesters()).singleElement().satisfies(h -> {
            assertThat(h.client()).isEqualTo("203.0.113.9");
            assertThat(h.reasons()).singleElement().asString().startsWith("catalogue order: 45 of its 45 documents");
        });
    }

    @Test
    void listsSelfDeclaredCrawlersApartFromHarvesters() {
        HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults());
        readers(analysis);
        String bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        analysis.accept(T0, "66.249.66.1", bot, "/robots.txt", 200, 100);
        for (int i = 0; i < 500; i++) {
            analysis.accept(T0 + i * 5, "66.249.66.1", bot, "/people/p" + i, 200, 100);
        }
        HarvestReport report = analysis.finish();

        assertThat(report.harvesters()).isEmpty();
        assertThat(report.crawlers()).singleElement().satisfies(c -> {
            assertThat(c.announced()).isTrue();
            assertThat(c.reasons()).containsExactly("site walk: visited 500 distinct pages (threshold 400)");
        });
    }

    @Test
    void failedRequestsAndAssetsAreNotTaken() {
        HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults());
        for (int i = 0; i < 300; i++) {
            analysis.accept(T0 + i, "192.0.2.1", BROWSER, "/publications/a/d" + i + ".pdf", 404, 100);
            analysis.accept(T0 + i, "192.0.2.1", BROWSER, "/static/i" + i + ".png", 200, 100);
        }
        HarvestReport report = analysis.finish();

        assertThat(report.harvesters()).isEmpty();
        assertThat(report.documentsKnown()).isZero();
        assertThat(report.requests()).isEqualTo(600);
    }

    @Test
    void splitsSessionsAtHalfAnHourOfSilence() {
        HarvestAnalysis analysis = new HarvestAnalysis(HarvestParameters.defaults().withVolumes(3, 30, 400));
        for (long t : List.of(0L, 60L, 1_900L, 10_000L)) {
            analysis.accept(T0 + t, "192.0.2.1", BROWSER, "/r/d" + t + ".pdf", 200, 1);
        }
        assertThat(analysis.finish().harvesters()).singleElement()
                .satisfies(h -> assertThat(h.sessions()).isEqualTo(3));
    }
}
