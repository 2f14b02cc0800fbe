package io.askhr.knowledge;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML as the files HR and IT write need it: duplicate keys refused, and none of YAML 1.1's booleans, so that
 * {@code NO} (Norway), {@code on} or an audience named {@code yes} stay the strings that were written.
 */
public final class StrictYaml {

  private StrictYaml() {}

  /** @param dates whether an unquoted ISO date loads as a date (front matter) or stays a string (names and ids) */
  public static Yaml create(boolean dates) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver() {
      @Override
      protected void addImplicitResolvers() {
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
        if (dates) {
          addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
        }
      }
    });
  }
}
