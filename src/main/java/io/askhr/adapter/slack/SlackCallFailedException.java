package io.askhr.adapter.slack;

/** A Slack Web API call that Slack refused; the message names the method and Slack's error code, nothing else. */
final class SlackCallFailedException extends Exception {

  SlackCallFailedException(String method, String error) {
    super(method + " failed: " + error);
  }

  /** Throws unless Slack said ok. */
  static void check(String method, boolean ok, String error) throws SlackCallFailedException {
    if (!ok) {
      throw new SlackCallFailedException(method, error);
    }
  }
}
