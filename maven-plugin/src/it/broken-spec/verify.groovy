// A YAML syntax error: not a finding but a broken input, so the build fails with a MojoExecutionException
// whose one-line reason names the file and the place.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('BUILD FAILURE'), 'the build should fail')
check((log =~ /\[ERROR\] Failed to execute goal .*:check \(default\) on project broken-spec: threatlint: src\/main\/openapi\/bakery\.yaml:\d+:\d+: error: /).find(),
    'the failure should give the file, line and column of the syntax error')
check(log.contains('MojoExecutionException'), 'a broken input is an execution error, not a finding')
