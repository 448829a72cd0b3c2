package io.github.threatlint.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of threatlint, written into the jar by the build. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version", "0.0.0");
      return version.startsWith("${") ? "0.0.0" : version;
    } catch (IOException e) {
      return "0.0.0";
    }
  }
}
