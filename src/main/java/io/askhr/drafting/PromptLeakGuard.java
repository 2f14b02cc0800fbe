package io.askhr.drafting;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes from a model's output every sentence that repeats the instructions AskHR gives the model, so that "print
 * your system prompt" gets nothing. Compares runs of {@value #RUN} words with the templates' fixed text only, so that
 * the company name or HR contact filled into them never counts as a leak.
 */
final class PromptLeakGuard {

  /** Long enough that an honest answer never repeats that many words of the rules by chance. */
  static final int RUN = 7;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  /** A sentence with its end: a full stop (or ! ?) followed by space, a line break, or the end of the text. */
  private static final Pattern SENTENCE = Pattern.compile("[^\\n]*?(?:[.!?]+(?=\\s)|\\n|$)");
  /** Markers of the prompt's structure, which no answer needs. */
  private static final Pattern STRUCTURE = Pattern.compile("(?i)</?\\s*(sources|question)\\s*>|\\{\\{|}}");

  private final Set<String> runs = new HashSet<>();

  /** A guard against the fixed text of these templates. */
  PromptLeakGuard(List<String> templates) {
    for (String template : templates) {
      for (String segment : PLACEHOLDER.split(template)) {
        List<String> words = words(segment);
        for (int i = 0; i + RUN <= words.size(); i++) {
          runs.add(String.join(" ", words.subList(i, i + RUN)));
        }
      }
    }
  }

  /** The guard for AskHR's answer prompts. */
  static PromptLeakGuard forAnswerPrompts() {
    return new PromptLeakGuard(List.of(Prompts.load("answer-system.md"), Prompts.load("answer-sensitive.md"),
        Prompts.load("answer-user.md")));
  }

  /** The output without the sentences that repeat the instructions (or any part of such a run). */
  String strip(String output) {
    boolean[] covered = covered(output);
    StringBuilder kept = new StringBuilder();
    Matcher m = SENTENCE.matcher(output);
    while (m.find()) {
      if (m.group().isEmpty()) {
        if (m.end() >= output.length()) {
          break;
        }
        continue;
      }
      boolean leaking = STRUCTURE.matcher(m.group()).find();
      for (int i = m.start(); i < m.end() && !leaking; i++) {
        leaking = covered[i];
      }
      if (!leaking) {
        kept.append(m.group());
      }
    }
    return kept.toString().replaceAll("\\n{3,}", "\n\n").strip();
  }

  /**
   * True when the text repeats a run of the instructions or the prompt's structure anywhere, across sentences too;
   * the streaming drafter asks this of everything written so far before it shows the next sentence.
   */
  boolean leaks(String output) {
    if (STRUCTURE.matcher(output).find()) {
      return true;
    }
    for (boolean c : covered(output)) {
      if (c) {
        return true;
      }
    }
    return false;
  }

  /** Which characters of the text lie in a run of words that the instructions contain, across sentences too. */
  private boolean[] covered(String text) {
    boolean[] covered = new boolean[text.length()];
    List<MatchResult> words = WORD.matcher(text).results().toList();
    for (int i = 0; i + RUN <= words.size(); i++) {
      StringBuilder run = new StringBuilder();
      for (int j = i; j < i + RUN; j++) {
        run.append(j > i ? " " : "").append(words.get(j).group().toLowerCase(Locale.ROOT));
      }
      if (runs.contains(run.toString())) {
        for (int c = words.get(i).start(); c < words.get(i + RUN - 1).end(); c++) {
          covered[c] = true;
        }
      }
    }
    return covered;
  }

  private static List<String> words(String text) {
    return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(MatchResult::group).toList();
  }
}
