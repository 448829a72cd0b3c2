// No authentication anywhere: the build fails, the log names the finding with file:line:col at
// ERROR level (one for the document, counting the operations it leaves open) and says why the build
// failed, and the reports are written all the same.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }
def spec = 'src/main/openapi/greenhouse.yaml'

check(log.contains('BUILD FAILURE'), 'the build should fail')
check(log.contains("[ERROR] ${spec}:1:1: [security-schemes-missing] The API has 2 operations but declares no security scheme"),
    'the missing security schemes should be logged at the openapi key')
check(log.contains("(GET /zones/{zoneId}/readings, PUT /zones/{zoneId}/setpoint) can be called without credentials"),
    'the message should name the operations left open')
check((log =~ /threatlint: \d+ findings \(1 error, \d+ warnings, \d+ notes\) in 1 specification\./).find(),
    'the summary should count the findings')
check((log =~ /threatlint found 1 security problem at level error in src\/main\/openapi\/greenhouse.yaml \(listed above with its file:line:col, and in target\/threatlint\/threatlint.txt\)/).find(),
    'the failure should say how many findings failed the build')

def text = new File(basedir, 'target/threatlint/threatlint.txt').text
check(text.contains("${spec}:1:1: error [security-schemes-missing]"), 'the text report should list the findings')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/threatlint/threatlint.sarif'))
check(sarif.runs[0].results.count { it.level == 'error' } == 1, 'the SARIF report should hold the error')
check(sarif.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uri == spec },
    'SARIF locations should be relative to the project folder')
