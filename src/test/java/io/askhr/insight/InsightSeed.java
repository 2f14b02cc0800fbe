package io.askhr.insight;

import io.askhr.question.Platform;
import io.askhr.question.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A known month of activity for dashboard and report tests. On the day before and the day of {@link #NOW} (UTC):
 * 6 questions by 4 employees, 4 answered and 2 not covered; 2 👍 and 2 👎; 2 escalations, 1 resolved.
 * Gaps: 3 questions about parking, 1 about a gym.
 */
public final class InsightSeed {

  public static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

  private InsightSeed() {}

  public static void seed(InsightStore store) {
    seed(store, NOW);
  }

  /** The same activity, {@code now} being 15:00 UTC of the second day. */
  public static void seed(InsightStore store, Instant now) {
    Instant yesterday = now.minus(Duration.ofDays(1));
    answer(store, "a1", yesterday, "u1", "How many days of annual leave do I get?", Set.of(),
        List.of("leave/annual-leave.md"));
    answer(store, "a2", yesterday, "u2", "Can I park my car at the office?", Set.of(Reply.Flag.NOT_COVERED), List.of());
    answer(store, "a3", yesterday.plusSeconds(60), "u2", "How much sick pay do I get?", Set.of(),
        List.of("leave/sickness.md", "leave/annual-leave.md"));
    answer(store, "a4", now.minusSeconds(600), "u3", "Is there a car park for staff?", Set.of(Reply.Flag.NOT_COVERED),
        List.of());
    answer(store, "a5", now.minusSeconds(500), "u4", "Where do employees park their cars?", Set.of(),
        List.of("leave/volunteering.md"));
    answer(store, "a6", now.minusSeconds(400), "u4", "Does the company pay for a gym membership?", Set.of(),
        List.of("pay-review.md"));
    store.recordFeedback(new Feedback("a1", Platform.SLACK, "u1", true, yesterday.plusSeconds(30)));
    store.recordFeedback(new Feedback("a3", Platform.SLACK, "u2", true, yesterday.plusSeconds(90)));
    store.recordFeedback(new Feedback("a5", Platform.TEAMS, "u4", false, now.minusSeconds(450)));
    store.recordFeedback(new Feedback("a6", Platform.TEAMS, "u4", false, now.minusSeconds(350)));
    store.openEscalation(new Escalation("e1", "a4", Platform.SLACK, "C1|U3", "Is there a car park for staff?", "-",
        "", Escalation.Status.OPEN, now.minusSeconds(590), Optional.empty(), Optional.empty()));
    store.openEscalation(new Escalation("e2", "a6", Platform.TEAMS, "conv-4",
        "Does the company pay for a gym membership?", "-", "", Escalation.Status.OPEN, now.minusSeconds(300),
        Optional.empty(), Optional.empty()));
    store.resolveEscalation("e2", "hr:ann", now.minusSeconds(100));
  }

  private static void answer(InsightStore store, String id, Instant at, String asker, String question,
      Set<Reply.Flag> flags, List<String> sources) {
    store.recordAnswer(new AnsweredQuestion(id, at, Platform.SLACK, asker, question, Reply.Mode.EXTRACTIVE, flags,
        sources, Duration.ofMillis(200)));
  }
}
