// threatlint.skip: the insecure specification is not even read, and the build passes.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD SUCCESS'), 'the build should pass')
check(log.contains('threatlint: skipped (threatlint.skip).'), 'the log should say the check was skipped')
check(!log.contains('[operation-security-missing]'), 'no finding should be logged')
check(!new File(basedir, 'target/threatlint').exists(), 'no report should be written')
