package io.askhr.drafting;

import java.util.List;
import java.util.Locale;

/** Turns a follow-up such as "and for part-timers?" into a question that can be searched on its own. */
public interface QueryRewriter {

  /**
   * @param earlierQuestions the employee's earlier messages in this conversation, oldest first
   * @return the standalone question; {@code latest} itself when it needs no context
   */
  String standalone(String latest, List<String> earlierQuestions);

  /**
   * The standalone question and, where the rewriter can tell (a language model), whether it is sensitive.
   *
   * @param sensitive true only when the rewriter judged the question personal or delicate; false says nothing
   */
  record Rewrite(String standalone, boolean sensitive) {}

  /** As {@link #standalone}, with the rewriter's judgement of sensitivity when it has one. */
  default Rewrite rewrite(String latest, List<String> earlierQuestions) {
    return new Rewrite(standalone(latest, earlierQuestions), false);
  }

  /**
   * The standalone question for searching our English policies, given the language the employee wrote in, with the
   * rewriter's judgement of sensitivity when it has one. Rewriters that cannot translate ignore the language.
   */
  default Rewrite rewrite(String latest, List<String> earlierQuestions, Locale language) {
    return rewrite(latest, earlierQuestions);
  }
}
