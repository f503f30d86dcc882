package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;
import org.junit.jupiter.api.Test;

class DetectorRegistryTest {

    private static final List<Indicator> INDICATORS = DetectorRegistry.builtIn().indicators();

    /** The project root: the nearest folder at or above the working directory that holds {@code docs/indicators}. */
    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/indicators"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/indicators above " + Path.of("").toAbsolutePath());
    }

    @Test
    void registersTwentyDetectorsWithDistinctIds() {
        assertThat(INDICATORS).hasSize(21);
        assertThat(INDICATORS).extracting(Indicator::id).doesNotHaveDuplicates();
    }

    @Test
    void listsDetectorsInCriticalPathOrder() {
        assertThat(INDICATORS).extracting(i -> i.category().stage()).isSorted();
        assertThat(INDICATORS.get(0).category()).isEqualTo(Category.STRESSOR);
        assertThat(INDICATORS.get(INDICATORS.size() - 1).category()).isEqualTo(Category.EXFILTRATION);
    }

    private static String weight(Indicator indicator) {
        double w = indicator.weight();
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

    @Test
    void givesEveryIndicatorADocumentationPageThatStatesItsCategoryAndWeight() throws IOException {
        Path root = projectRoot();
        for (Indicator indicator : INDICATORS) {
            Path page = root.resolve(indicator.docPath());
            assertThat(page).as(indicator.id()).isRegularFile();
            assertThat(Files.readString(page)).as(indicator.docPath())
                    .startsWith("# " + indicator.id() + " ")
                    .contains("| Category | `" + indicator.category().id() + "`")
                    .contains("| Weight | " + weight(indicator) + " |");
        }
    }

    @Test
    void listsEveryIndicatorInTheIndexWithItsCategoryWeightAndSummary() throws IOException {
        String index = Files.readString(projectRoot().resolve("docs/indicators/README.md"));
        for (Indicator indicator : INDICATORS) {
            assertThat(index).as("docs/indicators/README.md row of " + indicator.id()).contains(
                    "| [" + indicator.id() + "](" + indicator.id() + ".md) | " + indicator.category().id() + " | "
                            + weight(indicator) + " | " + indicator.summary() + " |");
        }
    }

    @Test
    void keepsOnlyTheDetectorsAFilterPasses() {
        DetectorRegistry exfiltration = DetectorRegistry.builtIn()
                .filter(i -> i.category() == Category.EXFILTRATION);

        assertThat(exfiltration.indicators()).extracting(Indicator::id).containsExactly(
                "file-to-removable-media", "file-sharing-upload", "leak-site", "personal-email-attachment");
    }

    @Test
    void exposesItsDetectorsReadOnly() {
        List<Detector<?>> detectors = DetectorRegistry.builtIn().detectors();

        assertThatThrownBy(() -> detectors.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
