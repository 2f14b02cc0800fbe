package io.askhr.insight;

import io.askhr.question.Platform;
import java.time.Instant;

/** An employee's 👍 or 👎 on one answer. */
public record Feedback(String answerId, Platform platform, String askerId, boolean helpful, Instant at) {}
