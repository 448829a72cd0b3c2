// A two-module reactor built with -T 2: each module is checked and reported on its own; paths in the
// log are relative to the reactor's folder, so they name the module; only the insecure one fails.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(!log.contains('not marked as thread-safe'), 'the goal should be thread-safe')
check(log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2'), 'the build should run on 2 threads')
check(log.contains('threatlint: no OpenAPI or Swagger specification matches'), 'the parent has nothing to check')
check(log.contains('[ERROR] payments-api/src/main/openapi/payments.yaml:17:5: [operation-security-missing] POST /standing-orders (write) is public'),
    'the public POST should be logged with its module path')
check(!log.contains('[ERROR] accounts-api/'), 'the accounts module has no finding')
check((log =~ /accounts-api \.+ SUCCESS/).find(), 'the accounts module should pass')
check((log =~ /payments-api \.+ FAILURE/).find(), 'the payments module should fail')
check((log =~ /on project payments-api: threatlint found 1 security problem/).find(), 'the failure should name the module')
['accounts-api', 'payments-api'].each { module ->
  check(new File(basedir, "${module}/target/threatlint/threatlint.sarif").isFile(), "${module} should have its SARIF report")
}
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'payments-api/target/threatlint/threatlint.sarif'))
check(sarif.runs[0].results*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri.unique() == ['payments-api/src/main/openapi/payments.yaml'],
    'SARIF paths should be relative to the reactor folder')
