package io.askhr.question;

import java.util.List;

/**
 * A question as every adapter hands it over.
 *
 * @param history earlier turns of the same conversation or thread, oldest first, so follow-ups can be understood
 */
public record Question(String text, Asker asker, Platform platform, List<Turn> history) {

  public Question {
    history = List.copyOf(history);
  }

  /** A question that starts a conversation. */
  public static Question first(String text, Asker asker, Platform platform) {
    return new Question(text, asker, platform, List.of());
  }
}
