// The report goal writes the threat-model report of the specification in both formats, with the sfti
// profile, and findings (here an unauthenticated read of personal data) do not fail the build.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD SUCCESS'), 'findings should not fail the report goal')
check((log =~ /threatlint-maven-plugin:[^:]+:report \(default-cli\)/).find(), 'the goal should run from the command line')
check(log.contains('checking src/main/openapi/parking.yaml for its threat-model report (profile sfti'), 'the log should say what is analysed')
check(log.contains('threatlint: threat-model report of 1 specification: target/threatlint/threatlint-report.html, '
    + 'target/threatlint/threatlint-report.md.'), 'the log should name the reports')

def html = new File(basedir, 'target/threatlint/threatlint-report.html').text
check(html.startsWith('<!DOCTYPE html>') && html.contains('Parking permits'), 'the HTML report should be written')
def markdown = new File(basedir, 'target/threatlint/threatlint-report.md').text
check(markdown.contains('Parking permits') && markdown.contains('profile `sfti`'), 'the Markdown report should be written')
check(!new File(basedir, 'target/threatlint/threatlint.sarif').exists(), 'the report goal writes no check report')
