package io.askhr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback model's reply to the rewrite prompt: the English translation of the {@code <latest>} message from a
 * fixed list, standing in for a model that translates. Messages not on the list come back unchanged and are counted.
 */
public final class FixedTranslations implements Function<JsonNode, String> {

  private static final Pattern LATEST = Pattern.compile("<latest>\\s*(.*?)\\s*</latest>", Pattern.DOTALL);

  private final Map<String, String> english;
  private final Set<String> unknown = ConcurrentHashMap.newKeySet();

  public FixedTranslations(Map<String, String> english) {
    this.english = Map.copyOf(english);
  }

  @Override
  public String apply(JsonNode request) {
    JsonNode messages = request.get("messages");
    String prompt = messages.get(messages.size() - 1).get("content").asText();
    Matcher m = LATEST.matcher(prompt);
    if (!m.find()) {
      throw new IllegalStateException("not a rewrite prompt: no <latest> message");
    }
    String latest = m.group(1);
    String translation = english.get(latest);
    if (translation == null) {
      unknown.add(latest);
      return twoLines(latest);
    }
    return twoLines(translation);
  }

  /** The reply shape bot/prompts/rewrite.md asks for; this stand-in never judges a message sensitive. */
  private static String twoLines(String question) {
    return "SENSITIVE: no\nQUESTION: " + question;
  }

  /** Messages that were asked for but are not on the list. */
  public Set<String> unknown() {
    return Set.copyOf(unknown);
  }
}
