package io.askhr.insight;

import io.askhr.question.Reply;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The questions employees asked most lately, for suggested prompts. A question counts only when at least
 * {@value #MIN_ASKERS} different employees asked it (the same words, ignoring case and punctuation), so no one
 * person's question is ever shown to others. Questions the policies did not answer, and personal topics, are left
 * out: a suggestion should lead to an answer.
 */
public final class PopularQuestions {

  /** Fewer askers than this and the wording may be one person's: not shown. */
  public static final int MIN_ASKERS = 3;

  private PopularQuestions() {}

  /** Up to {@code limit} questions asked since {@code since}, the most askers first. */
  public static List<String> top(InsightQueries insight, Instant since, int limit) {
    Map<String, Set<String>> askers = new HashMap<>();
    Map<String, String> wording = new LinkedHashMap<>();
    for (AnsweredQuestion a : insight.answers(since)) {
      if (a.flags().contains(Reply.Flag.NOT_COVERED) || a.flags().contains(Reply.Flag.SENSITIVE)
          || a.question().contains("[email]") || a.question().contains("[phone]")
          || a.question().contains("[number]")) {
        continue;
      }
      String key = normalise(a.question());
      if (key.isEmpty()) {
        continue;
      }
      askers.computeIfAbsent(key, k -> new HashSet<>()).add(a.askerId());
      wording.putIfAbsent(key, a.question().strip());
    }
    return wording.keySet().stream()
        .filter(key -> askers.get(key).size() >= MIN_ASKERS)
        .sorted(Comparator.comparingInt((String key) -> askers.get(key).size()).reversed())
        .limit(limit)
        .map(wording::get)
        .toList();
  }

  static String normalise(String question) {
    return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
