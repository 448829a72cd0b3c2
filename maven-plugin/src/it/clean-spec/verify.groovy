// A secured specification: the build passes, the log says so, and both default reports are written.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD SUCCESS'), 'the build should pass')
check((log =~ /threatlint: .* in 1 specification/).find(), 'the log should have the summary line')
check(!(log =~ /\[ERROR\] src\/main\/openapi\/library\.yaml:\d+:\d+/).find(), 'no error-level finding expected')

def text = new File(basedir, 'target/threatlint/threatlint.txt')
check(text.isFile(), 'target/threatlint/threatlint.txt should be written')
check(text.text.contains('in 1 file'), 'the text report should end with its summary')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/threatlint/threatlint.sarif'))
check(sarif.version == '2.1.0', 'SARIF 2.1.0 expected')
check(sarif.runs[0].tool.driver.name == 'threatlint', 'the SARIF run should name the tool')
check(sarif.runs[0].results.every { it.level != 'error' }, 'no error result expected in SARIF')
