// The plugin's rule, found among the plugin's dependencies, runs with the built-in ones: its
// error-level finding fails the build and reaches the log and the SARIF report with its metadata.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD FAILURE'), 'the plugin rule\'s error should fail the build')
check(log.contains('[bank-operation-tags] POST /payments has no tag'), 'the log should show the plugin rule\'s finding')
check(!log.contains('GET /payments has no tag'), 'a tagged operation has no finding')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/threatlint/threatlint.sarif'))
def rule = sarif.runs[0].tool.driver.rules.find { it.id == 'bank-operation-tags' }
check(rule != null, 'SARIF should describe the plugin rule')
check(rule.shortDescription.text == 'Operation without a tag', 'SARIF should carry the rule\'s title')
