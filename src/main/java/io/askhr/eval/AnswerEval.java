package io.askhr.eval;

import io.askhr.question.Asker;
import io.askhr.question.Platform;
import io.askhr.question.Question;
import io.askhr.question.QuestionHandler;
import io.askhr.question.Reply;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs a gold set through the whole answer path (retrieval, the answer / hedge / not-covered decision, drafting) as
 * an ordinary employee, and measures what the employee reads: does the answer state every key fact, and are
 * questions declined or hedged when, and only when, no policy answers them.
 */
public final class AnswerEval {

  private final QuestionHandler handler;

  public AnswerEval(QuestionHandler handler) {
    this.handler = handler;
  }

  /** What the reply did with the question. */
  public enum Verdict { ANSWERED, HEDGED, DECLINED }

  /** One question's reply, judged. */
  public record Outcome(AnswerCase gold, Verdict verdict, List<String> missingFacts, String text) {

    public Outcome {
      missingFacts = List.copyOf(missingFacts);
    }

    /** An answerable question with facts whose reply contains all of them (a declined reply contains none). */
    public boolean statesFacts() {
      return gold.answerable() && !gold.facts().isEmpty() && missingFacts.isEmpty();
    }
  }

  /**
   * The figures of one half.
   *
   * @param withFacts answerable questions that list {@code answer_facts}: the denominator of {@link #factShare()}
   * @param factsStated of those, replies that contain every fact
   */
  public record Figures(int answerable, int withFacts, int factsStated, int answerableDeclined, int answerableHedged,
      int unanswerable, int unanswerableDeclined, int unanswerableHedged) {

    public double factShare() {
      return withFacts == 0 ? 0 : (double) factsStated / withFacts;
    }

    /** Share of unanswerable questions that were declined or hedged. */
    public double unanswerableCaught() {
      return unanswerable == 0 ? 0 : (double) (unanswerableDeclined + unanswerableHedged) / unanswerable;
    }
  }

  /** Figures per half. */
  public record Report(Figures dev, Figures heldout) {}

  /** Asks every question; {@code each} sees every outcome in gold-set order. */
  public Report run(List<AnswerCase> gold, Consumer<Outcome> each) {
    List<Outcome> outcomes = new ArrayList<>();
    Asker employee = Asker.anonymous("askhr-eval");
    for (AnswerCase c : gold) {
      Reply reply = handler.answer(Question.first(c.question(), employee, Platform.CLI));
      Outcome outcome = judge(c, reply);
      outcomes.add(outcome);
      each.accept(outcome);
    }
    return new Report(figures(outcomes, Split.DEV), figures(outcomes, Split.HELDOUT));
  }

  static Outcome judge(AnswerCase gold, Reply reply) {
    Verdict verdict = reply.has(Reply.Flag.NOT_COVERED) ? Verdict.DECLINED
        : reply.has(Reply.Flag.HEDGED) ? Verdict.HEDGED : Verdict.ANSWERED;
    String text = verdict == Verdict.DECLINED ? "" : normalise(reply.text());
    List<String> missing = gold.facts().stream().filter(f -> !text.contains(normalise(f))).toList();
    return new Outcome(gold, verdict, missing, reply.text());
  }

  /**
   * Case-insensitive containment after folding what varies between a policy and the same words typed: curly quotes
   * and apostrophes, non-breaking and repeated spaces.
   */
  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
        .replaceAll("[\\s\\u00A0]+", " ");
  }

  static Figures figures(List<Outcome> outcomes, Split half) {
    int answerable = 0;
    int withFacts = 0;
    int stated = 0;
    int answerableDeclined = 0;
    int answerableHedged = 0;
    int unanswerable = 0;
    int unanswerableDeclined = 0;
    int unanswerableHedged = 0;
    for (Outcome o : outcomes) {
      if (o.gold().half() != half) {
        continue;
      }
      boolean declined = o.verdict() == Verdict.DECLINED;
      boolean hedged = o.verdict() == Verdict.HEDGED;
      if (!o.gold().answerable()) {
        unanswerable++;
        unanswerableDeclined += declined ? 1 : 0;
        unanswerableHedged += hedged ? 1 : 0;
        continue;
      }
      answerable++;
      answerableDeclined += declined ? 1 : 0;
      answerableHedged += hedged ? 1 : 0;
      if (!o.gold().facts().isEmpty()) {
        withFacts++;
        stated += o.statesFacts() ? 1 : 0;
      }
    }
    return new Figures(answerable, withFacts, stated, answerableDeclined, answerableHedged, unanswerable,
        unanswerableDeclined, unanswerableHedged);
  }

  /** Prints the figures of both halves, or of the dev half alone (for tuning without seeing held-out). */
  public static void print(Report report, PrintWriter out, boolean devOnly) {
    print("dev", report.dev(), out);
    if (!devOnly) {
      print("held-out", report.heldout(), out);
    }
  }

  private static void print(String name, Figures f, PrintWriter out) {
    String facts = f.withFacts() == 0 ? "n/a (no answer_facts)"
        : String.format(Locale.ROOT, "%.3f (%d of %d)", f.factShare(), f.factsStated(), f.withFacts());
    out.printf(Locale.ROOT, "%-8s answer states every fact: %s   answerable declined: %d of %d"
            + " (hedged %d)   unanswerable declined or hedged: %.3f (%d + %d of %d)%n",
        name, facts, f.answerableDeclined(), f.answerable(),
        f.answerableHedged(), f.unanswerableCaught(), f.unanswerableDeclined(), f.unanswerableHedged(),
        f.unanswerable());
  }

  /** One line per question that went wrong: a missed fact, a declined answerable or an answered unanswerable. */
  public static void printMiss(Outcome o, PrintWriter out) {
    boolean wrong = o.gold().answerable()
        ? o.verdict() == Verdict.DECLINED || !o.missingFacts().isEmpty()
        : o.verdict() == Verdict.ANSWERED;
    if (!wrong) {
      return;
    }
    out.printf(Locale.ROOT, "%-7s %-8s %s%n", o.gold().half() == Split.DEV ? "dev" : "heldout",
        o.verdict(), o.gold().question());
    if (!o.missingFacts().isEmpty()) {
      out.printf("        missing %s%n", o.missingFacts());
    }
    if (o.verdict() != Verdict.DECLINED) {
      out.printf("        said    %s%n", o.text().replace("\n", "\n                "));
    }
  }
}
