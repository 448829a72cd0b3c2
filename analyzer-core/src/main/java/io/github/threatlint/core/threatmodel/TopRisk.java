package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * A scenario among the top risks, ranked by its risk. Scenarios whose findings are all among its
 * findings are not ranked again but named with it ({@code sameFindings}); {@code shared} counts its
 * findings already counted under a higher-ranked top risk ({@code sharedWith}, its rank from 1; 0
 * when none is shared).
 */
public record TopRisk(
    ScenarioAssessment assessment,
    List<ScenarioAssessment> sameFindings,
    int shared,
    int sharedWith) {}
