package io.askhr.adapter.slack;

import io.askhr.knowledge.StrictYaml;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompts suggested when an employee opens AskHR's assistant pane: HR's own list from {@code bot/prompts.yml}
 * when it has one, else the most asked questions of the last {@value #DAYS} days (see
 * {@link io.askhr.insight.PopularQuestions}), else the App Home examples.
 */
final class SuggestedPrompts {

  private static final Logger log = LoggerFactory.getLogger(SuggestedPrompts.class);
  static final int DAYS = 30;
  /** Slack shows up to four suggested prompts. */
  static final int MAX = 4;
  /** Questions asked in the last month change slowly; asking the store once every few minutes is enough. */
  private static final Duration REFRESH = Duration.ofMinutes(10);

  /** One suggestion: the button's title and the question it sends. */
  record Prompt(String title, String message) {}

  private final List<Prompt> configured;
  private final Function<Instant, List<String>> popular;
  private final Clock clock;
  private volatile List<Prompt> cached = List.of();
  private volatile Instant cachedAt = Instant.MIN;

  /**
   * @param configured HR's list; empty to use the popular questions
   * @param popular the most asked questions since the given instant
   */
  SuggestedPrompts(List<Prompt> configured, Function<Instant, List<String>> popular, Clock clock) {
    this.configured = List.copyOf(configured);
    this.popular = popular;
    this.clock = clock;
  }

  List<Prompt> current() {
    if (!configured.isEmpty()) {
      return configured;
    }
    Instant now = clock.instant();
    if (Duration.between(cachedAt, now).compareTo(REFRESH) >= 0) {
      cached = fromPopular(now);
      cachedAt = now;
    }
    return cached;
  }

  private List<Prompt> fromPopular(Instant now) {
    List<String> questions = List.of();
    try {
      questions = popular.apply(now.minus(Duration.ofDays(DAYS)));
    } catch (RuntimeException e) {
      log.warn("Cannot read the most asked questions ({}); suggesting the examples", e.getClass().getSimpleName());
    }
    if (questions.isEmpty()) {
      questions = AppHome.EXAMPLES;
    }
    return questions.stream().limit(MAX).map(q -> new Prompt(title(q), q)).toList();
  }

  /** A button title: the question, shortened at a word to fit Slack's prompt chip. */
  static String title(String question) {
    String q = question.strip();
    return q.length() <= 40 ? q : q.substring(0, q.lastIndexOf(' ', 39) > 20 ? q.lastIndexOf(' ', 39) : 39) + "…";
  }

  /**
   * HR's prompts from a file of the form {@code prompts: [{title: ..., message: ...}]}; empty when the file does not
   * exist or lists none. A malformed file stops startup with the file's name, as bot/audiences.yml does.
   */
  static List<Prompt> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    Object root;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = StrictYaml.create(false).load(in); // a prompt named "No" stays text; a key twice is an error
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + " cannot be read as YAML (" + e.getClass().getSimpleName() + ")", e);
    }
    Object list = root instanceof Map<?, ?> map ? map.get("prompts") : null;
    if (list == null) {
      return List.of();
    }
    if (!(list instanceof List<?> items)) {
      throw new IllegalArgumentException(file + ": prompts must be a list of {title, message}");
    }
    List<Prompt> prompts = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> entry) || !(entry.get("message") instanceof String message)
          || message.isBlank()) {
        throw new IllegalArgumentException(file + ": every prompt needs a message (the question it asks)");
      }
      Object title = entry.get("title");
      prompts.add(new Prompt(title instanceof String t && !t.isBlank() ? t.strip() : title(message), message.strip()));
    }
    if (prompts.size() > MAX) {
      throw new IllegalArgumentException(file + ": Slack shows at most " + MAX + " prompts, the file lists "
          + prompts.size());
    }
    return prompts;
  }
}
