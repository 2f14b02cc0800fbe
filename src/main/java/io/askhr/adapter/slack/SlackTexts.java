package io.askhr.adapter.slack;

import io.askhr.question.Messages;
import java.util.Locale;

/**
 * The fixed texts of Slack's assistant pane and streamed answers, from the message bundles: in the reply's language
 * once there is a question, in English for the greeting (a new thread carries no text to tell the language from).
 */
final class SlackTexts {

  /** Slack shows at most this many characters of a thread title in the history list. */
  static final int TITLE_CHARS = 80;

  private SlackTexts() {}

  static String greeting() {
    return Messages.of(Locale.ENGLISH).get(Messages.WELCOME);
  }

  static String promptsTitle() {
    return Messages.of(Locale.ENGLISH).get(Messages.SUGGESTED_PROMPTS);
  }

  static String searching(Locale language) {
    return Messages.of(language).get(Messages.STATUS_SEARCHING);
  }

  static String checking(Locale language) {
    return Messages.of(language).get(Messages.STATUS_CHECKING);
  }
}
