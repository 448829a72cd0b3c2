// "mvn threatlint:check" resolves the goal prefix from the declared plugin, finds the Swagger 2.0
// document under src/main/resources by the default includes, and reports on the 2.0 file's own line.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }
def spec = 'src/main/resources/api/swagger.json'

check((log =~ /threatlint-maven-plugin:[^:]+:check \(default-cli\)/).find(), 'the goal should run from the command line')
check(log.contains("[ERROR] ${spec}:23:7: [operation-security-missing] GET /stations (read) requires no authentication"),
    'the unauthenticated GET should be logged on its line of the 2.0 document')
check(!log.contains('[security-schemes-missing]'), 'securityDefinitions declares a scheme')
check(log.contains('BUILD FAILURE'), 'the build should fail')
check(new File(basedir, 'target/threatlint/threatlint.sarif').isFile(), 'the SARIF report should be written')
