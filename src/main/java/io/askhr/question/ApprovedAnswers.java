package io.askhr.question;

import io.askhr.answers.AnswerProblem;
import io.askhr.answers.ApprovedAnswer;
import io.askhr.answers.ApprovedAnswerFolder;
import io.askhr.retrieval.PolicyEmbedder;
import io.askhr.retrieval.Scope;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HR's approved answers, matched to a question by the embedding similarity of the question to their phrasings and
 * given verbatim, labelled "Approved by HR". Only answers whose audience the asker belongs to are considered.
 *
 * <p>An answer's score is the mean similarity of its {@link #NEAREST_PHRASINGS} phrasings nearest the question, as the
 * sensitive classifier scores a topic by its nearest examples: a rephrasing of the answer's question comes close to
 * several of its phrasings, while a different question that shares a phrasing's frame ("How does voluntary overtime
 * work?" against "How does voluntary redundancy work?") comes close to one only.
 */
public final class ApprovedAnswers {

  private static final Logger log = LoggerFactory.getLogger(ApprovedAnswers.class);
  /**
   * The score (mean similarity of the nearest phrasings; e5-small, "query: " on both sides) a question must reach.
   * Chosen on the dev half of src/test/resources/eval/approved_questions.jsonl ({@code askhr eval-trust --approved}),
   * with its hard negatives (questions next to an answer's topic that ask something else): the best dev score, right
   * minus twice wrong. Lower lets related but different questions ("Can I bring someone to my disciplinary
   * meeting?") receive a canned answer; higher sends more rephrasings to retrieval, which still answers them.
   */
  public static final double MIN_SIMILARITY = 0.92;
  /**
   * Phrasings averaged per answer: two, as every answer has at least two phrasings in practice (an answer with one is
   * scored by that one). Chosen on dev: the mean of two separated the hard negatives from rephrasings better than
   * the nearest phrasing alone or a margin over the second-best answer.
   */
  static final int NEAREST_PHRASINGS = 2;

  /** Shorter sentences ("Thanks.", "Quick one:") say nothing about which answer is meant. */
  private static final int MIN_SENTENCE_WORDS = 3;

  /** An answer and its phrasings' vectors. */
  private record Phrasings(ApprovedAnswer answer, ExampleVectors vectors) {}

  /**
   * An answer and its score for the question: the mean similarity of its {@link #NEAREST_PHRASINGS} nearest phrasings.
   */
  public record Match(ApprovedAnswer answer, double similarity) {}

  private final Optional<ApprovedAnswerFolder> folder;
  private final PolicyEmbedder embeddings;
  private final Clock clock;
  private final double minSimilarity;
  /** Phrasings already embedded, so a reload after an edit embeds only what changed. */
  private final java.util.Map<String, float[]> embedded = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile List<Phrasings> phrasings = List.of();
  private volatile List<AnswerProblem> problems = List.of();

  private ApprovedAnswers(Optional<ApprovedAnswerFolder> folder, PolicyEmbedder embeddings, Clock clock,
      double minSimilarity) {
    this.folder = folder;
    this.embeddings = embeddings;
    this.clock = clock;
    this.minSimilarity = minSimilarity;
  }

  /** No approved answers: every question goes to retrieval. */
  public static ApprovedAnswers none() {
    return new ApprovedAnswers(Optional.empty(), null, Clock.systemUTC(), MIN_SIMILARITY);
  }

  /**
   * The answers of a knowledge folder, read now; call {@link #reload()} when the folder changes.
   *
   * @param embeddings the bundled local model; a question and a phrasing are both embedded as queries
   */
  public static ApprovedAnswers load(ApprovedAnswerFolder folder, PolicyEmbedder embeddings, Clock clock) {
    return load(folder, embeddings, clock, MIN_SIMILARITY);
  }

  /** As {@link #load(ApprovedAnswerFolder, PolicyEmbedder, Clock)} with another threshold, to measure it. */
  public static ApprovedAnswers load(ApprovedAnswerFolder folder, PolicyEmbedder embeddings, Clock clock,
      double minSimilarity) {
    ApprovedAnswers answers = new ApprovedAnswers(Optional.of(folder), embeddings, clock, minSimilarity);
    answers.reload();
    return answers;
  }

  /** Re-reads the answers; on failure the previous ones stay in force. */
  public synchronized void reload() {
    if (folder.isEmpty()) {
      return;
    }
    ApprovedAnswerFolder.Loaded loaded;
    try {
      loaded = folder.get().read(LocalDate.now(clock));
    } catch (IOException | RuntimeException e) {
      log.warn("Approved answers cannot be read ({}); keeping the previous ones", e.getClass().getSimpleName());
      return;
    }
    List<Phrasings> next = new ArrayList<>();
    for (ApprovedAnswer answer : loaded.usable()) {
      List<float[]> vectors = new ArrayList<>();
      for (String question : answer.questions()) {
        vectors.add(embedded.computeIfAbsent(question, embeddings::query));
      }
      if (!vectors.isEmpty()) {
        next.add(new Phrasings(answer, new ExampleVectors(vectors)));
      }
    }
    phrasings = List.copyOf(next);
    problems = loaded.problems();
    if (!loaded.problems().isEmpty()) {
      log.warn("{} of {} approved answers are not given because of problems (askhr check lists them)",
          loaded.files() - loaded.usable().size(), loaded.files());
    }
  }

  /** Problems found at the last (re)load. */
  public List<AnswerProblem> problems() {
    return problems;
  }

  /** The closest answer, if the asker may receive it and it is close enough. */
  Optional<Match> match(String question, Scope scope) {
    return closest(question, scope).filter(m -> m.similarity() >= minSimilarity);
  }

  /**
   * The closest answer of all, however far, when the asker may receive it; for measuring the threshold. When the
   * closest is for another audience (an employee asking the managers' question) there is none: the next-closest
   * answer the asker may see would answer a question they did not ask.
   */
  public Optional<Match> closest(String question, Scope scope) {
    List<Phrasings> current = phrasings;
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Match best = null;
    for (String part : parts(question)) {
      float[] asked = embeddings.query(part);
      for (Phrasings p : current) {
        double score = score(asked, p.vectors());
        if (best == null || score > best.similarity()) {
          best = new Match(p.answer(), score);
        }
      }
    }
    return Optional.ofNullable(best).filter(m -> m.answer().visibleTo(scope.audiences()));
  }

  /** The mean similarity of the {@link #NEAREST_PHRASINGS} phrasings nearest {@code asked} (all, when fewer). */
  static double score(float[] asked, ExampleVectors phrasings) {
    return ExampleVectors.meanOfNearest(phrasings.similarities(asked), NEAREST_PHRASINGS);
  }

  /**
   * The message, and each of its questions when it has several sentences: "Is my job safe? I heard AI is replacing
   * my team" asks the first sentence, and the second only dilutes its embedding. A statement around the question
   * is not matched on its own: in "Just got put on a PIP. How long does it last and can I bring someone to the
   * meetings" the second part alone reads like a consultation-meeting question.
   */
  static List<String> parts(String question) {
    List<String> parts = new ArrayList<>();
    parts.add(question);
    String[] sentences = question.split("(?<=[?.!])\\s+");
    if (sentences.length > 1) {
      for (String sentence : sentences) {
        String s = sentence.strip();
        if (s.endsWith("?") && s.split("\\s+").length >= MIN_SENTENCE_WORDS) {
          parts.add(s);
        }
      }
    }
    return parts;
  }

  /** The approved answer as a reply: HR's text verbatim, its sources cited, labelled with owner and date. */
  static Reply reply(Match m, boolean sensitive, List<String> notices) {
    ApprovedAnswer answer = m.answer();
    List<Citation> citations = new ArrayList<>();
    for (ApprovedAnswer.Source s : answer.sources()) {
      citations.add(new Citation(citations.size() + 1, s.file(), s.title(), "", 0, s.effective(), s.url(), ""));
    }
    Set<Reply.Flag> flags = EnumSet.noneOf(Reply.Flag.class);
    if (sensitive) {
      flags.add(Reply.Flag.SENSITIVE);
      flags.add(Reply.Flag.ESCALATION_SUGGESTED);
    }
    return new Reply(answer.text(), citations, 1.0, flags, Reply.Mode.EXTRACTIVE, notices,
        Optional.of(new Reply.Approval(answer.owner(), answer.effective())));
  }
}
