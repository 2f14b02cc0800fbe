package io.askhr.drafting;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rewrites follow-ups without a model: a message that opens like a continuation, or is short and leans on a
 * pronoun, is searched together with the employee's previous question.
 */
public final class FollowUpHeuristic implements QueryRewriter {

  private static final Pattern CONTINUATION = Pattern.compile(
      "^(and|or|but|also|so|what about|how about|what if|same for|and if|and what|und|et)\\b.*", Pattern.DOTALL);
  private static final Pattern LEANS_ON_CONTEXT = Pattern.compile(
      "\\b(it|its|that|this|they|them|those|these|there|then|one|ones|same|instead)\\b");
  /** Questions this short rarely name their subject ("for part-timers?", "in Germany?"). */
  private static final int SHORT_WORDS = 5;
  private static final int PRONOUN_WORDS = 10;

  @Override
  public String standalone(String latest, List<String> earlierQuestions) {
    if (earlierQuestions.isEmpty()) {
      return latest;
    }
    String lower = latest.strip().toLowerCase(Locale.ROOT);
    int words = lower.isEmpty() ? 0 : lower.split("\\s+").length;
    boolean followUp = CONTINUATION.matcher(lower).matches()
        || words <= SHORT_WORDS
        || (words <= PRONOUN_WORDS && LEANS_ON_CONTEXT.matcher(lower).find());
    return followUp ? earlierQuestions.get(earlierQuestions.size() - 1).strip() + " " + latest.strip() : latest;
  }
}
