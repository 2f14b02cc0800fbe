package io.askhr.drafting;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The prompt templates edited in {@code bot/prompts/} and packaged on the classpath under {@code prompts/}. */
final class Prompts {

  /** The templates are part of the build, so each is read once (every drafted answer renders two or three). */
  private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

  private Prompts() {}

  /** Loads {@code prompts/<name>} and fills its {@code {{placeholders}}}. */
  static String render(String name, Map<String, Object> values) {
    return PromptTemplate.from(load(name)).apply(values).text();
  }

  static String load(String name) {
    return LOADED.computeIfAbsent(name, Prompts::read);
  }

  private static String read(String name) {
    try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream("prompts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Prompt template prompts/" + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
