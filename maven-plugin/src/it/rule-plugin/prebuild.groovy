// Builds the rule plugin the test's pom names as a dependency of threatlint's plugin: compiles
// bank-rules/ against the rule API (threatlint-analyzer-core, which invoker:install put in the test
// repository), adds the RuleProvider service file and installs the jar with a bare pom there.
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import javax.tools.ToolProvider

def repo = localRepositoryPath
def api = new File(repo, 'io/github/threatlint/threatlint-analyzer-core').listFiles()
    .collectMany { version -> version.listFiles().findAll { it.name.endsWith('.jar') } as List }
if (api.size() != 1) throw new AssertionError("one threatlint-analyzer-core jar expected, found ${api}")

def sources = new File(basedir, 'bank-rules')
def classes = new File(basedir, 'target/bank-rules-classes')
classes.mkdirs()
def files = []
sources.eachFileRecurse { if (it.name.endsWith('.java')) files << it.path }
int status = ToolProvider.systemJavaCompiler.run(null, null, null,
    ['-classpath', api[0].path, '-d', classes.path] + files as String[])
if (status != 0) throw new AssertionError('the rule plugin does not compile')

def target = new File(repo, 'io/github/threatlint/it/bank-rules/1.0')
target.mkdirs()
new JarOutputStream(new FileOutputStream(new File(target, 'bank-rules-1.0.jar'))).withCloseable { jar ->
  classes.eachFileRecurse { file ->
    if (file.isFile()) {
      jar.putNextEntry(new JarEntry(classes.toPath().relativize(file.toPath()).toString().replace('\\', '/')))
      jar.write(file.bytes)
      jar.closeEntry()
    }
  }
  jar.putNextEntry(new JarEntry('META-INF/services/io.github.threatlint.core.api.RuleProvider'))
  jar.write('bank.rules.BankRules\n'.bytes)
  jar.closeEntry()
}
new File(target, 'bank-rules-1.0.pom').text = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.github.threatlint.it</groupId>
  <artifactId>bank-rules</artifactId>
  <version>1.0</version>
</project>
'''
return true
