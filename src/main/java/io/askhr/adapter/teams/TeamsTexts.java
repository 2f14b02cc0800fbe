package io.askhr.adapter.teams;

import io.askhr.question.Messages;
import io.askhr.question.Reply;
import java.util.Locale;
import java.util.Optional;

/** The fixed texts of Teams' streams and card updates, from the message bundles in the employee's language. */
final class TeamsTexts {

  private TeamsTexts() {}

  /** The informative update that opens a streamed answer. */
  static String searching(Locale language) {
    return Messages.of(language).get(Messages.STREAM_SEARCHING);
  }

  /**
   * The line shown on the answer's card once the employee pressed 👍 or 👎: in the answer's language while it is
   * remembered, else in English.
   */
  static String thanks(Optional<Reply> answer, boolean helpful) {
    Locale language = answer.map(Reply::language).orElse(Locale.ENGLISH);
    return Messages.of(language).get(helpful ? Messages.THANKS_HELPFUL : Messages.THANKS_NOT_HELPFUL);
  }
}
