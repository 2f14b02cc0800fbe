package io.askhr.adapter.teams;

/** The fixed texts of Teams' AI messages and streams, in one place so that message bundles can replace them. */
final class TeamsTexts {

  /** The informative update that opens a streamed answer. */
  static final String SEARCHING = "Searching our policies…";
  static final String CHECKING = "Checking sources…";
  static final String FEEDBACK_THANKS = "Thanks for your feedback.";

  private TeamsTexts() {}
}
