package io.github.threatlint.core.check;

import io.github.threatlint.core.config.Baseline;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.Timings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a check came to.
 *
 * @param result the findings (sorted; suppressed and baselined ones included and marked), the tool
 *     errors, the files, the rules and the mitigation evidence the rules recorded (when the
 *     listener {@link CheckListener#wantsEvidence()}, else none): what reports show
 * @param beforeBaseline the same before the baseline marked its findings (to write a new baseline)
 * @param configuration the configuration used ({@link Configuration#EMPTY} when there is none)
 * @param profile the profile the rules were selected from
 * @param baseline the baseline read, or null
 * @param baselineMatch what matching the baseline gave (its fixed entries), or null without
 *     baseline
 * @param elapsed the time the analysis took
 * @param timings where the time of this run went, by phase (and by rule when the request asked)
 * @param referencedFiles the local files each root document's references named, by its display
 *     path, as absolute paths (missing and refused ones included): which documents to analyse again
 *     when one of these files changes
 */
public record CheckResult(
    AnalysisResult result,
    AnalysisResult beforeBaseline,
    Configuration configuration,
    Profile profile,
    Baseline baseline,
    Baseline.Match baselineMatch,
    Duration elapsed,
    Timings timings,
    Map<String, Set<Path>> referencedFiles) {}
