package org.custos.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static CaseFile opened() {
        return CaseFile.open("C-1", "USB copies before resignation", List.of("ABC0001"), "analyst1", T0,
                Optional.of("ABC0001@1"));
    }

    @Test
    void walksOpenInvestigatingReferredClosed() {
        CaseFile c = opened().moveTo(CaseStatus.INVESTIGATING, Optional.empty(), T0.plusSeconds(60))
                .moveTo(CaseStatus.REFERRED, Optional.empty(), T0.plusSeconds(120))
                .moveTo(CaseStatus.CLOSED, Optional.of(Outcome.CONFIRMED), T0.plusSeconds(180));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.outcome()).contains(Outcome.CONFIRMED);
        assertThat(c.updatedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(c.isActive()).isFalse();
    }

    @Test
    void refusesToReferAnOpenCaseNamingTheAllowedMoves() {
        assertThatThrownBy(() -> opened().moveTo(CaseStatus.REFERRED, Optional.empty(), T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("open").hasMessageContaining("referred").hasMessageContaining("investigating");
    }

    @Test
    void closingNeedsAnOutcomeAndReopeningDropsIt() {
        assertThatThrownBy(() -> opened().moveTo(CaseStatus.CLOSED, Optional.empty(), T0))
                .hasMessageContaining("outcome");
        CaseFile reopened = opened().moveTo(CaseStatus.CLOSED, Optional.of(Outcome.NO_ISSUE_FOUND), T0)
                .moveTo(CaseStatus.INVESTIGATING, Optional.empty(), T0.plusSeconds(5));
        assertThat(reopened.outcome()).isEmpty();
        assertThat(reopened.isActive()).isTrue();
    }

    @Test
    void parsesStatusesAndOutcomesByTheirIds() {
        assertThat(CaseStatus.parse("Investigating")).isEqualTo(CaseStatus.INVESTIGATING);
        assertThat(Outcome.parse("no-issue-found")).isEqualTo(Outcome.NO_ISSUE_FOUND);
        assertThat(Outcome.parse("policy_violation")).isEqualTo(Outcome.POLICY_VIOLATION);
        assertThatThrownBy(() -> Outcome.parse("guilty")).hasMessageContaining("expected confirmed");
    }

    @Test
    void evidenceDigestMustBeHex() {
        assertThatThrownBy(() -> new Evidence("C-1", "E-1", Evidence.Kind.FILE, "a.pdf", "xyz", 3, List.of(), "a", T0, ""))
                .hasMessageContaining("sha256");
    }
}
