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
   * The standalone question for searching our English policies, given the language the employee wrote in.
   * Rewriters that cannot translate return {@link #standalone(String, List)}.
   */
  default String standalone(String latest, List<String> earlierQuestions, Locale language) {
    return standalone(latest, earlierQuestions);
  }
}
