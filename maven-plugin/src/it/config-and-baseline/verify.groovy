// The configuration file allows /health (no finding at all) and ignores /opening-hours with a reason;
// the baseline accepts /exhibits. Nothing is left to fail the build, and the log and the JSON report
// account for the two suppressed findings.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD SUCCESS'), 'the build should pass')
check(!log.contains('[ERROR] src/main/openapi/museum.yaml'), 'no active finding should be logged')
// the other rules' warnings and notes on this small museum API do not fail the build
check((log =~ /threatlint: \d+ findings \(0 errors, \d+ warnings, \d+ notes\) in 1 specification; 2 suppressed\./).find(),
    'the summary should count the suppressed findings')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/threatlint/threatlint.json'))
def reasons = report.findings.findAll { it.suppressed }.collectEntries { [(it.pointer): it.suppressed.reason] }
check(reasons == ['/paths/~1opening-hours/get': 'The opening hours are public information.',
                  '/paths/~1exhibits/get': 'in the baseline threatlint-baseline.json'],
    "the ignored and the baselined operation should be reported as suppressed with their reasons, got ${reasons}")
