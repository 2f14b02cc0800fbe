package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.question.Citation;
import io.askhr.question.Platform;
import io.askhr.question.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopularQuestionsTest {

  static final Reply ANSWERED = new Reply("25 days [1].", List.of(new Citation(1, "leave.md", "Leave", "", 0,
      Optional.empty(), Optional.empty(), "25 days")), 0.8, Set.of(), Reply.Mode.LLM, List.of());

  final List<AnsweredQuestion> answers = new ArrayList<>();
  final InsightQueries insight = new InsightQueries() {
    @Override
    public List<AnsweredQuestion> answers(Instant since) {
      return answers.stream().filter(a -> !a.at().isBefore(since)).toList();
    }

    @Override
    public List<Feedback> feedback(Instant since) {
      return List.of();
    }

    @Override
    public List<Escalation> escalations(Instant since) {
      return List.of();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
      return 0;
    }

    @Override
    public boolean reachable() {
      return true;
    }
  };

  private void asked(String asker, String question, Reply reply) {
    answers.add(AnsweredQuestion.of("a" + answers.size(), Platform.SLACK, asker, question, reply,
        Duration.ofMillis(100)));
  }

  private static Reply flagged(Reply.Flag flag) {
    return new Reply("x", List.of(), 0, Set.of(flag), Reply.Mode.EXTRACTIVE, List.of());
  }

  @Test
  void shouldSuggestOnlyQuestionsThatAtLeastThreeEmployeesAsked() {
    // given
    asked("u1", "How much annual leave do I get?", ANSWERED);
    asked("u2", "how much annual leave do I get", ANSWERED);
    asked("u3", "How much ANNUAL leave do I get ?!", ANSWERED);
    asked("u4", "How much annual leave do I get?", ANSWERED);
    asked("u1", "Can I work from Lisbon in March?", ANSWERED);
    asked("u1", "Can I work from Lisbon in March?", ANSWERED);
    asked("u1", "Can I work from Lisbon in March?", ANSWERED);
    asked("u2", "Is there a gym?", flagged(Reply.Flag.NOT_COVERED));
    asked("u3", "Is there a gym?", flagged(Reply.Flag.NOT_COVERED));
    asked("u4", "Is there a gym?", flagged(Reply.Flag.NOT_COVERED));
    asked("u2", "How do I raise a grievance?", flagged(Reply.Flag.SENSITIVE));
    asked("u3", "How do I raise a grievance?", flagged(Reply.Flag.SENSITIVE));
    asked("u4", "How do I raise a grievance?", flagged(Reply.Flag.SENSITIVE));

    // when
    List<String> top = PopularQuestions.top(insight, Instant.now().minus(Duration.ofDays(30)), 4);

    // then: one asker's repeated question, uncovered and sensitive questions are never suggested
    assertEquals(List.of("How much annual leave do I get?"), top);
  }
}
