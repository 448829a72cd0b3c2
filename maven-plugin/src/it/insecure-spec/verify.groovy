// No authentication anywhere: the build fails, the log names every finding with file:line:col at
// ERROR level and says why the build failed, and the reports are written all the same.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }
def spec = 'src/main/openapi/greenhouse.yaml'

check(log.contains('BUILD FAILURE'), 'the build should fail')
check(log.contains("[ERROR] ${spec}:1:1: [security-schemes-missing] The API has 2 operations but declares no security scheme"),
    'the missing security schemes should be logged at the openapi key')
check(log.contains("[ERROR] ${spec}:10:5: [operation-security-missing] GET /zones/{zoneId}/readings (read) requires no authentication"),
    'the unauthenticated GET should be logged at its line')
check(log.contains("[ERROR] ${spec}:24:5: [operation-security-missing] PUT /zones/{zoneId}/setpoint (write) requires no authentication"),
    'the unauthenticated PUT should be logged at its line')
check((log =~ /threatlint: \d+ findings \(3 errors, \d+ warnings, \d+ notes\) in 1 specification\./).find(),
    'the summary should count the findings')
check((log =~ /threatlint found 3 security problems at level error in src\/main\/openapi\/greenhouse.yaml \(each listed above with its file:line:col, and in target\/threatlint\/threatlint.txt\)/).find(),
    'the failure should say how many findings failed the build')

def text = new File(basedir, 'target/threatlint/threatlint.txt').text
check(text.contains("${spec}:10:5: error [operation-security-missing]"), 'the text report should list the findings')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/threatlint/threatlint.sarif'))
check(sarif.runs[0].results.count { it.level == 'error' } == 3, 'the SARIF report should hold the three errors')
check(sarif.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uri == spec },
    'SARIF locations should be relative to the project folder')
