package io.github.threatlint.core.config;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleProvider;
import io.github.threatlint.core.docs.DocsUrl;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Loads the rules of rule plugins: the {@link RuleProvider} services of a jar (the configuration's
 * {@code plugins:}) or of a class loader (the Maven plugin's dependencies).
 */
public final class RulePlugins {
  private RulePlugins() {}

  /** A plugin that cannot be used; the message is one line. */
  public static final class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    PluginException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The rules of every provider {@code loader} sees, in the order it finds them. */
  public static List<RuleDescriptor> of(ClassLoader loader) throws PluginException {
    return rules(loader, false);
  }

  /**
   * The rules of the providers in one jar, loaded in a class loader of its own that sees the rule
   * API. The loader stays open: its classes are used for the rest of the run.
   */
  public static List<RuleDescriptor> ofJar(Path jar) throws PluginException {
    if (!Files.isRegularFile(jar)) {
      throw new PluginException("no such file", null);
    }
    try {
      // opened only to refuse what is not a jar before class loading hides why
      new JarFile(jar.toFile()).close();
    } catch (IOException e) {
      throw new PluginException("not a jar: " + e.getMessage(), e);
    }
    URL url;
    try {
      url = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new PluginException("cannot be named as a URL", e);
    }
    URLClassLoader loader =
        new URLClassLoader(new URL[] {url}, RuleProvider.class.getClassLoader());
    List<RuleDescriptor> rules = rules(loader, true);
    if (rules.isEmpty()) {
      throw new PluginException(
          "provides no rules (it needs META-INF/services/" + RuleProvider.class.getName() + ")",
          null);
    }
    return rules;
  }

  private static List<RuleDescriptor> rules(ClassLoader loader, boolean ownProvidersOnly)
      throws PluginException {
    List<RuleDescriptor> rules = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<RuleProvider> provider :
          ServiceLoader.load(RuleProvider.class, loader).stream().toList()) {
        // a jar's loader also sees its parent's providers: those are not the jar's
        if (ownProvidersOnly && provider.type().getClassLoader() != loader) {
          continue;
        }
        for (var type : provider.get().rules()) {
          RuleDescriptor rule = new RuleDescriptor(type);
          String docsProblem =
              rule.documentationUrl() == null
                  ? null
                  : DocsUrl.pageProblem(rule.documentationUrl(), rule.documentationUrl());
          if (docsProblem != null) {
            throw new PluginException(
                "the rule " + rule.id() + ": documentationUrl " + docsProblem, null);
          }
          rules.add(rule);
        }
      }
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      throw new PluginException("cannot be loaded: " + oneLine(e), e);
    }
    return rules;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
