package io.github.threatlint.build;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the class files of a jar that are older than Java 6 (class file version below 50) and
 * lie in the packages named, to Java 8's version (52), with the stack map frames that version
 * requires computed by ASM; every other entry is copied as it is, in its order.
 *
 * <p>Why: the launchers start the command line with a class-data archive, which holds the classes a
 * run loads already parsed, verified and linked. JDK 17 keeps class files older than Java 6 in the
 * archive unverified and unlinked, and verifies them at every start with the old type-inferencing
 * verifier. picocli 4.7 is compiled for Java 5: the 123 of its classes that a check loads were
 * verified on the main thread before the file was read, 17 ms of every run (Stripe's JSON: CPU
 * 1.185 -> 1.12 s, the wealth sample 0.27 -> 0.255 s, medians of 14 alternating runs;
 * docs/performance.md, round 18). The upgraded classes behave as before: only the version and the
 * frames, which the newer verifier checks, change.
 *
 * <p>Only the packages named are upgraded: the jar holds other old class files (Joda-Time's, for
 * swagger-parser) that a run does not load, and whose optional dependencies (log4j) are absent.
 *
 * <p>Usage: {@code ClassFileUpgrade JAR PACKAGE...} (a package as a path prefix: {@code picocli/});
 * the jar is replaced.
 */
public final class ClassFileUpgrade {
  /** The first class file version that may carry stack map frames (Java 6). */
  static final int FIRST_WITH_FRAMES = 50;

  private ClassFileUpgrade() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: ClassFileUpgrade JAR PACKAGE...");
    }
    List<String> packages = List.of(args).subList(1, args.length);
    if (upgrade(Path.of(args[0]), packages) == 0) {
      // a picocli compiled for a newer Java needs no upgrade, and the execution can go
      System.err.println(
          "ClassFileUpgrade: no class file of " + packages + " is older than Java 6");
    }
  }

  /**
   * Upgrades the old class files of {@code jar} whose names begin with one of {@code packages}, in
   * place (written beside it, then moved over it); returns how many there were. The frames' common
   * superclasses are looked up among the jar's own classes and the JDK's.
   */
  public static int upgrade(Path jar, List<String> packages) throws IOException {
    Path upgradedJar = jar.resolveSibling(jar.getFileName() + ".upgraded");
    int upgraded = 0;
    try (URLClassLoader classes =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(upgradedJar))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().endsWith(".class")
            && inOneOf(entry.getName(), packages)
            && version(bytes) < FIRST_WITH_FRAMES) {
          bytes = upgrade(bytes, classes);
          upgraded++;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(upgradedJar);
      throw e;
    }
    Files.move(upgradedJar, jar, StandardCopyOption.REPLACE_EXISTING);
    return upgraded;
  }

  private static boolean inOneOf(String name, List<String> packages) {
    for (String prefix : packages) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The major version of a class file. */
  static int version(byte[] classFile) {
    return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
  }

  /**
   * The class file at version 52 with frames computed from its code (any frames it had are
   * dropped), the common superclasses of merged types loaded from {@code classes}.
   */
  static byte[] upgrade(byte[] classFile, ClassLoader classes) {
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return classes;
          }
        };
    new ClassReader(classFile).accept(withVersion(Opcodes.V1_8, writer), ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /** Passes each class on to {@code next} with its class file version set to {@code version}. */
  static ClassVisitor withVersion(int version, ClassVisitor next) {
    return new ClassVisitor(Opcodes.ASM9, next) {
      @Override
      public void visit(
          int ignored,
          int access,
          String name,
          String signature,
          String superName,
          String[] interfaces) {
        super.visit(version, access, name, signature, superName, interfaces);
      }
    };
  }
}
