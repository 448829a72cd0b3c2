import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.rules.BuiltInRules;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The compiled measure of the benchmark: in one JVM with the CLI's flags (C1), each spec's floor (its
 * text read and swagger-parser's model built, as ParseFloor does) and threatlint's analysis of it
 * (Check.run with the strict profile on two threads, no cache, no report) run again and again,
 * alternating, until C1 has compiled what they run; then each is timed over the measured rounds.
 * A cold run also pays for interpreting and compiling the code it runs once; here that is gone, and
 * what is left is each side's own work. The ratio of the two says how much the analysis does beyond
 * the parse (round 13, Stripe JSON: a CPU ratio of 2.3 to 2.8 compiled, against 2.3 to 2.4 cold: the
 * analysis's work, not the JIT's, keeps it above 1.5).
 *
 * <pre>Compiled WARMUP RUNS SPEC...</pre>
 *
 * prints per spec: name, the floor's median wall and process CPU (ms), the analysis's median wall and
 * process CPU (ms), and its findings.
 */
public final class Compiled {
  public static void main(String[] args) throws Exception {
    int warmup = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (String name : Arrays.asList(args).subList(2, args.length)) {
      Path spec = Path.of(name).toAbsolutePath().normalize();
      Path folder = spec.getParent();
      long[][] floor = new long[2][runs];
      long[][] analysis = new long[2][runs];
      int findings = 0;
      for (int i = -warmup; i < runs; i++) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        if (ParseFloor.model(spec).getOpenAPI() == null) {
          throw new IllegalStateException("floor: no model for " + spec);
        }
        record(floor, i, System.nanoTime() - start, os.getProcessCpuTime() - cpu);
        CheckRequest request =
            CheckRequest.builder(folder, BuiltInRules.all())
                .files(List.of(spec))
                .profile(Profile.STRICT)
                .root(folder)
                .threads(2)
                .build();
        cpu = os.getProcessCpuTime();
        start = System.nanoTime();
        CheckResult result = Check.run(request);
        record(analysis, i, System.nanoTime() - start, os.getProcessCpuTime() - cpu);
        findings = result.result().findings().size();
      }
      System.out.printf(
          "%s %d %d %d %d %d%n",
          spec.getFileName(),
          median(floor[0]),
          median(floor[1]),
          median(analysis[0]),
          median(analysis[1]),
          findings);
    }
  }

  /** Keeps the wall and CPU nanoseconds of a measured round (i >= 0), in milliseconds. */
  private static void record(long[][] times, int i, long wall, long cpu) {
    if (i >= 0) {
      times[0][i] = wall / 1_000_000;
      times[1][i] = cpu / 1_000_000;
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
