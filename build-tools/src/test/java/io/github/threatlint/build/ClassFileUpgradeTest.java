package io.github.threatlint.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

class ClassFileUpgradeTest {
  private static final String BRANCHY = "io/github/threatlint/build/Branchy.class";

  @TempDir Path folder;

  @Test
  void upgradesAJava5ClassToOneTheVerifierOfJava8AcceptsAndLeavesTheRestAsItWas() throws Exception {
    byte[] java5 = asJava5(classFile(BRANCHY));
    byte[] modern = classFile("io/github/threatlint/build/ClassFileUpgrade.class");
    byte[] manifest = "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8);
    Path jar = folder.resolve("some.jar");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/MANIFEST.MF", manifest);
    entries.put(BRANCHY, java5);
    entries.put("io/github/threatlint/build/ClassFileUpgrade.class", modern);
    entries.put("notes.txt", "not a class".getBytes(StandardCharsets.UTF_8));
    entries.put("org/other/Old.class", java5);
    writeJar(jar, entries);
    assertThat(ClassFileUpgrade.version(java5)).isEqualTo(49);
    assertThat(hasFrames(java5)).isFalse();

    assertThat(ClassFileUpgrade.upgrade(jar, List.of("io/github/threatlint/"))).isEqualTo(1);

    Map<String, byte[]> upgraded = readJar(jar);
    assertThat(upgraded.keySet()).containsExactlyElementsOf(entries.keySet());
    assertThat(upgraded.get("META-INF/MANIFEST.MF")).isEqualTo(manifest);
    assertThat(upgraded.get("io/github/threatlint/build/ClassFileUpgrade.class")).isEqualTo(modern);
    assertThat(upgraded.get("notes.txt")).isEqualTo(entries.get("notes.txt"));
    // outside the packages named: left old
    assertThat(upgraded.get("org/other/Old.class")).isEqualTo(java5);
    byte[] java8 = upgraded.get(BRANCHY);
    assertThat(ClassFileUpgrade.version(java8)).isEqualTo(52);
    assertThat(hasFrames(java8)).isTrue();
    assertThat(Files.list(folder)).containsExactly(jar);

    // loaded from the upgraded jar alone (not from the test's classes), so the JVM verifies its
    // frames with the type-checking verifier, which version 52 requires
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> branchy = Class.forName("io.github.threatlint.build.Branchy", true, loader);
      assertThat(branchy.getClassLoader()).isSameAs(loader);
      Method sum = branchy.getMethod("sumOfNumbers", String[].class);
      assertThat(sum.invoke(null, (Object) new String[] {"4", "x", "38"})).isEqualTo(42L);
      Method describe = branchy.getMethod("describe", boolean.class, int.class);
      assertThat(describe.invoke(null, true, 2)).isEqualTo("[x, x]");
      assertThat(describe.invoke(null, false, 3)).isEqualTo("xxx");
    }
  }

  @Test
  void aJarWithoutOldClassFilesKeepsItsEntries() throws Exception {
    Path jar = folder.resolve("modern.jar");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(BRANCHY, classFile(BRANCHY));
    writeJar(jar, entries);

    assertThat(ClassFileUpgrade.upgrade(jar, List.of("io/"))).isZero();

    assertThat(readJar(jar).get(BRANCHY)).isEqualTo(entries.get(BRANCHY));
  }

  /** The class file as a Java 5 compiler writes it: version 49, no stack map frames. */
  private static byte[] asJava5(byte[] classFile) {
    // Branchy has no nested classes, lambdas or string concatenation, which Java 5 could not write
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(classFile)
        .accept(ClassFileUpgrade.withVersion(Opcodes.V1_5, writer), ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  private static boolean hasFrames(byte[] classFile) {
    List<String> attributes = new ArrayList<>();
    // frames are read as visitFrame calls; EXPAND_FRAMES is not needed to see whether there are any
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public org.objectweb.asm.MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] ex) {
                return new org.objectweb.asm.MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitFrame(
                      int type, int locals, Object[] local, int stack, Object[] onStack) {
                    attributes.add(name);
                  }

                  @Override
                  public void visitAttribute(Attribute attribute) {}
                };
              }
            },
            0);
    return !attributes.isEmpty();
  }

  private static byte[] classFile(String name) throws IOException {
    try (InputStream in = ClassFileUpgradeTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static void writeJar(Path jar, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
  }

  private static Map<String, byte[]> readJar(Path jar) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
