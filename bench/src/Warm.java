import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckCache;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.rules.BuiltInRules;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warm measurement of the benchmark: in one JVM, as the language server analyses a document
 * after each pause in typing, the same spec through Check.run again and again, each time with its
 * text edited as an unsaved buffer, in two ways: a word put into its first description (prose:
 * swagger-parser's model is kept and the rules that do not read prose replay their last calls) and
 * the first property of a schema renamed (structure: the model is built and every rule runs). The
 * request is the one the language server makes (Workspace.request: the spec's folder as root and
 * configuration search, two threads, the buffer as overlay, one CheckCache kept from run to run).
 * Prints, per spec and edit, the median wall time and the median CPU time of the process (all
 * threads: walk, swagger-parser's model, GC, JIT) over the runs after the warm-up, and the split
 * of the last run.
 *
 * <pre>Warm WARMUP RUNS SPEC...</pre>
 */
public final class Warm {
  /** Where a word goes into the first description. */
  private static final Pattern PROSE = Pattern.compile("(\"?description\"?: \"?)(?=[A-Za-z])");

  /** Where the name of the first property of a schema starts: a prefix renames it. */
  private static final Pattern STRUCTURE =
      Pattern.compile("(\"?properties\"?:\\s*\\{?\\s*\"?)(?=[A-Za-z_])");

  public static void main(String[] args) throws Exception {
    int warmup = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    for (String name : Arrays.asList(args).subList(2, args.length)) {
      Path spec = Path.of(name).toAbsolutePath().normalize();
      String text = Files.readString(spec);
      measure(spec, text, "prose", PROSE, "Edited %d ", warmup, runs);
      measure(spec, text, "structure", STRUCTURE, "renamed%d_", warmup, runs);
    }
  }

  private static void measure(
      Path spec, String text, String kind, Pattern where, String insert, int warmup, int runs)
      throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path folder = spec.getParent();
    Matcher place = where.matcher(text);
    if (!place.find()) {
      throw new IllegalArgumentException(spec + " has no place for an edit of " + kind);
    }
    int at = place.end();
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    CheckResult last = null;
    CheckCache cache = new CheckCache();
    for (int i = -warmup; i < runs; i++) {
      String edited = text.substring(0, at) + String.format(insert, i + warmup) + text.substring(at);
      CheckRequest request =
          CheckRequest.builder(folder, BuiltInRules.all())
              .files(List.of(spec))
              .configSearchFrom(folder)
              .root(folder)
              .threads(2)
              .cache(cache)
              .overlay(spec, edited)
              .build();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      last = Check.run(request);
      if (i >= 0) {
        wall[i] = System.nanoTime() - start;
        cpu[i] = os.getProcessCpuTime() - cpuStart;
      }
    }
    System.out.printf(
        "%s %s %d %d %d %s%n",
        spec.getFileName(),
        kind,
        median(wall) / 1_000_000,
        median(cpu) / 1_000_000,
        last.result().findings().size(),
        last.timings().summary().replace(' ', ','));
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
