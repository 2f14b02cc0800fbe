package io.askhr.question;

import java.time.Duration;

/** Where answered questions are recorded for HR (the insight store); {@link Conversations} calls it once per answer. */
@FunctionalInterface
public interface AnswerLog {

  /** Records nothing: for tools and tests that keep no insight. */
  AnswerLog NONE = (answerId, question, reply, took) -> { };

  void answered(String answerId, Question question, Reply reply, Duration took);
}
