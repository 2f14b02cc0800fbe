package io.askhr.adapter.slack;

/**
 * The fixed texts of Slack's assistant pane and streamed answers, in one place so that message bundles (one per
 * language) can replace them.
 */
final class SlackTexts {

  static final String GREETING = "Hi! I answer questions about our HR policies and cite the policy each answer"
      + " comes from. What would you like to know?";
  static final String PROMPTS_TITLE = "Popular questions";
  static final String STATUS_SEARCHING = "is searching our policies…";
  static final String STATUS_CHECKING = "is checking sources…";
  /** Slack shows at most this many characters of a thread title in the history list. */
  static final int TITLE_CHARS = 80;

  private SlackTexts() {}
}
