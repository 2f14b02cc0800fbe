package io.askhr.question;

import io.askhr.drafting.ContentWords;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.FusionWeights;
import io.askhr.retrieval.Hit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides from the retrieved passages whether AskHR answers, answers with a hedge, or says the question is not
 * covered. The top similarity alone cannot tell "a policy answers this" from "a policy is about the same topic", so
 * the decline asks how much of the question the best passages contain and whether BM25 and the vectors agree, weighed
 * into one evidence score. The hedge (with e5-small) asks where the passage the search put first sits in each of the
 * two rankings: when a policy answers, it is usually the nearest vector and a top BM25 match as well; when none does,
 * the fusion settles on a compromise that neither ranking put first, and its similarity is discounted accordingly.
 * Both use only what the search returned: no extra embedding or search per question.
 */
final class AnswerDecision {

  /** What to do with a question. */
  enum Verdict { ANSWER, HEDGE, NOT_COVERED }

  /**
   * What the rule looks at.
   *
   * @param similarity query-passage embedding similarity of the best hit
   * @param coverage share of the question's content words that the best passages (text, headings, title) contain
   * @param agreement the best hit was found by both BM25 and the vectors near the top of each
   * @param vectorRank the top hit's rank among the vector matches, 1-based ({@link #UNRANKED} when not among them)
   * @param lexicalRank the top hit's rank among the BM25 matches, 1-based ({@link #UNRANKED} when not among them)
   */
  record Signals(double similarity, double coverage, boolean agreement, int vectorRank, int lexicalRank) {

    /** Signals of a top hit that both rankings put first: the hedge score is the similarity. */
    Signals(double similarity, double coverage, boolean agreement) {
      this(similarity, coverage, agreement, 1, 1);
    }
  }

  /** Passages whose words count towards coverage: the answer is quoted from these. */
  static final int PASSAGES_READ = 3;
  /** BM25 and vectors agree when both rank one passage at least this high. */
  static final int AGREEMENT_RANK = 3;
  /** The rank given to a top hit that one ranking did not return: the search's depth. */
  static final int UNRANKED = FusionWeights.DEFAULT.depth();

  private final double notCovered;
  private final DecisionWeights weights;

  /**
   * @param notCovered evidence under this means no policy answers the question (RETRIEVAL_MIN_SIMILARITY)
   * @param weights the embedding model's coverage weight, agreement bonus and hedge margin
   */
  AnswerDecision(double notCovered, DecisionWeights weights) {
    this.notCovered = notCovered;
    this.weights = weights;
  }

  Verdict decide(Signals s) {
    double evidence = evidence(s);
    if (evidence < notCovered) {
      return Verdict.NOT_COVERED;
    }
    return hedgeScore(s) < notCovered + weights.hedgeMargin() ? Verdict.HEDGE : Verdict.ANSWER;
  }

  /**
   * With rank penalties: the similarity less a penalty per ln(rank) of the top hit in each ranking (0 for a top hit that
   * both put first); without them, the evidence.
   */
  double hedgeScore(Signals s) {
    if (!weights.ranked()) {
      return evidence(s);
    }
    return s.similarity() - weights.vectorRankPenalty() * Math.log(Math.max(1, s.vectorRank()))
        - weights.lexicalRankPenalty() * Math.log(Math.max(1, s.lexicalRank()));
  }

  /** Similarity + coverage weight × coverage + the agreement bonus when BM25 and vectors agree. */
  double evidence(Signals s) {
    return s.similarity() + weights.coverageWeight() * s.coverage() + (s.agreement() ? weights.agreementBonus() : 0);
  }

  /** The signals of a question and its hits, best first. */
  static Signals signals(String question, List<Hit> hits) {
    double similarity = hits.stream().mapToDouble(Hit::similarity).max().orElse(0);
    Set<String> asked = new HashSet<>(words(question));
    Set<String> found = new HashSet<>();
    for (Hit hit : hits.subList(0, Math.min(PASSAGES_READ, hits.size()))) {
      PolicyPassage p = hit.passage();
      found.addAll(words(p.title() + " " + String.join(" ", p.headingPath()) + " " + p.text()));
    }
    long contained = asked.stream().filter(w -> found.contains(w) || found.stream().anyMatch(f -> close(w, f))).count();
    double coverage = asked.isEmpty() ? 0 : (double) contained / asked.size();
    boolean agreement = !hits.isEmpty() && hits.stream().limit(PASSAGES_READ).anyMatch(h ->
        h.lexicalRank() > 0 && h.lexicalRank() <= AGREEMENT_RANK && h.vectorRank() > 0
            && h.vectorRank() <= AGREEMENT_RANK);
    int vectorRank = hits.isEmpty() ? UNRANKED : ranked(hits.get(0).vectorRank());
    int lexicalRank = hits.isEmpty() ? UNRANKED : ranked(hits.get(0).lexicalRank());
    return new Signals(similarity, coverage, agreement, vectorRank, lexicalRank);
  }

  private static int ranked(int rank) {
    return rank <= 0 ? UNRANKED : Math.min(rank, UNRANKED);
  }

  /** A typo or a variant of the same word: a shared stem of five letters or more ("hirign" stays apart, sadly). */
  private static boolean close(String asked, String found) {
    int n = Math.min(asked.length(), found.length());
    return n >= 5 && asked.regionMatches(0, found, 0, 5) && Math.abs(asked.length() - found.length()) <= 3
        && asked.regionMatches(0, found, 0, Math.max(5, n - 2));
  }

  /** Stemmed content words ({@link ContentWords}). */
  static List<String> words(String text) {
    return ContentWords.of(text);
  }
}
