// A specification in three files under src/main/openapi: only the root document is checked on its
// own (the fragments have no openapi key), the references are followed, and the finding in the
// referenced path item names that file and line.
def log = new File(basedir, 'build.log').text
def check(boolean ok, String what) { if (!ok) throw new AssertionError(what) }

check(log.contains('checking src/main/openapi/warehouse.yaml for security problems'), 'only the root document is a specification')
check(!log.contains('not an OpenAPI or Swagger document'), 'fragments must not be checked on their own')
check(log.contains('[ERROR] src/main/openapi/paths/parcel.yaml:18:1: [operation-security-missing] DELETE /parcels/{parcelId} (write) is public'),
    'the public DELETE should be reported in the referenced file')
check((log =~ /threatlint: \d+ findings \(1 error, \d+ warnings, \d+ notes\) in 1 specification\./).find(), 'one error, one specification')
check(log.contains('BUILD FAILURE'), 'the build should fail')
