// The configuration file lowers operation-security-missing to warning; the baseline accepts /exhibits.
// Nothing is left at error level, so the build passes; the log shows the two warnings at WARNING
// level and counts the baselined finding as suppressed, and the JSON report keeps it, marked.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }
def spec = 'src/main/openapi/museum.yaml'

check(log.contains('BUILD SUCCESS'), 'the build should pass')
check(log.contains('configuration config/threatlint.yaml, baseline threatlint-baseline.json'), 'the log should name both files')
check(log.contains("[WARNING] ${spec}:10:5: [operation-security-missing] GET /health (read) is public"), 'the level should come from the configuration')
check(log.contains("[WARNING] ${spec}:17:5: [operation-security-missing] GET /opening-hours (read) is public"), 'the level should come from the configuration')
check(!log.contains('GET /exhibits'), 'the baselined finding should not be logged')
check(log.contains('threatlint: 2 findings (0 errors, 2 warnings, 0 notes) in 1 specification; 1 suppressed.'),
    'the summary should count the warnings and the suppressed finding')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/threatlint/threatlint.json'))
def reasons = report.findings.collectEntries { [(it.pointer): it.suppressed?.reason] }
check(reasons == ['/paths/~1health/get': null, '/paths/~1opening-hours/get': null,
                  '/paths/~1exhibits/get': 'in the baseline threatlint-baseline.json'],
    "the baselined operation should be reported as suppressed, got ${reasons}")
