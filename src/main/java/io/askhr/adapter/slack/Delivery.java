package io.askhr.adapter.slack;

import io.askhr.question.AnswerStream;
import io.askhr.question.Reply;

/** Where one answer goes in Slack, and how the "Looking that up…" placeholder is replaced by it. */
interface Delivery {

  String PLACEHOLDER = "Looking that up in our policies…";

  /** Shows that the question was received. */
  void placeholder() throws Exception;

  /** Replaces the placeholder with the answer. */
  void answer(Reply reply, String answerId, String question) throws Exception;

  /** Where progress and verified sentences go while the answer is produced; nowhere for deliveries that post whole. */
  default AnswerStream stream() {
    return AnswerStream.NONE;
  }

  /** Replaces the placeholder with a short apology; best effort, never throws. */
  void apologise(String text);
}
