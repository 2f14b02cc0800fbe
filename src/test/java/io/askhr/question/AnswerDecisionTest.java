package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.Hit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerDecisionTest {

  private final AnswerDecision rule = new AnswerDecision(0.30, DecisionWeights.MINILM);
  private final AnswerDecision e5 = new AnswerDecision(0.80, DecisionWeights.E5_SMALL);

  private static Hit hit(String heading, String text, double similarity, int lexicalRank, int vectorRank) {
    PolicyPassage p = new PolicyPassage("leave.md#0", "leave.md", "Annual leave", List.of("Annual leave", heading), 0,
        Optional.empty(), Set.of("everyone"), Set.of(), Optional.empty(), text);
    return new Hit(p, 1.0, similarity, lexicalRank, vectorRank);
  }

  @Test
  void shouldMeasureCoverageOverTheBestPassagesHeadingsAndTitle() {
    // given: "carry" and "holiday" are in the text, "leave" in the title, "sabbatical" nowhere
    List<Hit> hits = List.of(hit("Carry-over", "You can carry over up to 5 days of holiday.", 0.5, 1, 2));

    // when
    AnswerDecision.Signals s = AnswerDecision.signals("can i carry over holiday leave or take a sabbatical", hits);

    // then: 4 of 6 content words (carry, over, holiday, leave; not take, sabbatical)
    assertEquals(4.0 / 6, s.coverage(), 1e-9);
    assertTrue(s.agreement());
    assertEquals(0.5, s.similarity(), 1e-9);
  }

  @Test
  void shouldCallAgreementOnlyWhenBm25AndVectorsBothRankAPassageHigh() {
    assertFalse(AnswerDecision.signals("leave", List.of(hit("x", "leave", 0.5, 0, 1))).agreement());
    assertFalse(AnswerDecision.signals("leave", List.of(hit("x", "leave", 0.5, 1, 7))).agreement());
    assertTrue(AnswerDecision.signals("leave", List.of(hit("x", "leave", 0.5, 3, 3))).agreement());
  }

  @Test
  void shouldAnswerWhenSimilarityCoverageAndAgreementTogetherAreStrong() {
    // evidence 0.55 + 0.5 × 0.8 + 0.1 = 1.05, above 0.30 + 0.47
    assertEquals(AnswerDecision.Verdict.ANSWER, rule.decide(new AnswerDecision.Signals(0.55, 0.8, true)));
  }

  @Test
  void shouldHedgeWhenThePassagesAreOnTheTopicButMissTheQuestionsWords() {
    // a fair similarity, but only a fifth of the question's words and no agreement: 0.45 + 0.1 = 0.55
    assertEquals(AnswerDecision.Verdict.HEDGE, rule.decide(new AnswerDecision.Signals(0.45, 0.2, false)));
  }

  @Test
  void shouldNotDeclineALowSimilarityQuestionWhosePassagesContainItsWords() {
    // the old rule (similarity < 0.30) declined this; most of its words are there: 0.27 + 0.5 × 0.9 = 0.72, hedged
    assertEquals(AnswerDecision.Verdict.HEDGE, rule.decide(new AnswerDecision.Signals(0.27, 0.9, false)));
  }

  @Test
  void shouldDeclineWhenNothingRetrievedIsAboutTheQuestion() {
    // 0.15 + 0.5 × 0.25 = 0.275
    assertEquals(AnswerDecision.Verdict.NOT_COVERED, rule.decide(new AnswerDecision.Signals(0.15, 0.25, false)));
    assertEquals(AnswerDecision.Verdict.NOT_COVERED,
        rule.decide(AnswerDecision.signals("anything", List.of())));
  }

  @Test
  void shouldPlaceTheBandEdgesExactlyAtTheThresholds() {
    assertEquals(AnswerDecision.Verdict.HEDGE, rule.decide(new AnswerDecision.Signals(0.30, 0, false)));
    assertEquals(AnswerDecision.Verdict.NOT_COVERED, rule.decide(new AnswerDecision.Signals(0.2999, 0, false)));
    assertEquals(AnswerDecision.Verdict.ANSWER, rule.decide(new AnswerDecision.Signals(0.77, 0, false)));
  }

  @Test
  void shouldKeepMiniLmsWeightsAndGiveE5ItsOwn() {
    assertEquals(new DecisionWeights(0.5, 0.1, 0.47, 0, 0), DecisionWeights.MINILM);
    assertEquals(new DecisionWeights(0.5, 0.15, 0.035, 0.03, 0.006), DecisionWeights.E5_SMALL);
    // the same signals weigh differently: 0.6 + 0.5 × 0.4 + 0.1 against + 0.15
    AnswerDecision.Signals s = new AnswerDecision.Signals(0.6, 0.4, true);
    assertEquals(0.9, rule.evidence(s), 1e-9);
    assertEquals(0.95, e5.evidence(s), 1e-9);
    // MiniLM hedges on the evidence whatever the ranks; e5 on the rank-penalised similarity
    AnswerDecision.Signals secondEverywhere = new AnswerDecision.Signals(0.6, 0.4, true, 2, 2);
    assertEquals(0.9, rule.hedgeScore(secondEverywhere), 1e-9);
    assertEquals(0.6 - 0.036 * Math.log(2), e5.hedgeScore(secondEverywhere), 1e-9);
  }

  @Test
  void shouldReadTheRanksOfTheHitTheSearchPutFirst() {
    // the first hit is fourth among the vectors and was not found by BM25; the second is the nearest vector
    List<Hit> hits = List.of(hit("Carry-over", "leave", 0.82, 0, 4), hit("Booking", "leave", 0.85, 1, 1));

    AnswerDecision.Signals s = AnswerDecision.signals("leave", hits);

    assertEquals(4, s.vectorRank());
    assertEquals(AnswerDecision.UNRANKED, s.lexicalRank());
    assertEquals(0.85, s.similarity(), 1e-9);
    assertEquals(AnswerDecision.UNRANKED, AnswerDecision.signals("leave", List.of()).vectorRank());
  }

  @Test
  void shouldPlaceE5sBandWhereItsCompressedSimilaritiesFall() {
    // declined on evidence under 0.80 however the hit ranks
    assertEquals(AnswerDecision.Verdict.NOT_COVERED, e5.decide(new AnswerDecision.Signals(0.7999, 0, false)));
    // a top hit both rankings put first: hedged under 0.80 + 0.035, answered from there
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.8349, 0, false)));
    assertEquals(AnswerDecision.Verdict.ANSWER, e5.decide(new AnswerDecision.Signals(0.8351, 0, false)));
    // third among the vectors costs 0.03 × ln 3 = 0.033: a similarity of 0.868 is needed to be answered
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.867, 0, false, 3, 1)));
    assertEquals(AnswerDecision.Verdict.ANSWER, e5.decide(new AnswerDecision.Signals(0.869, 0, false, 3, 1)));
    // BM25 ranks cost less: 0.006 × ln 10 = 0.014
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.848, 0, false, 1, 10)));
    assertEquals(AnswerDecision.Verdict.ANSWER, e5.decide(new AnswerDecision.Signals(0.850, 0, false, 1, 10)));
  }

  @Test
  void shouldHedgeButNeverDeclineOnRanksAlone() {
    // words all found and both rankings near the top, but the nearest vectors were elsewhere: evidence 0.85 + 0.45 +
    // 0.15 = 1.45 is far from a decline; 0.85 − 0.03 × ln 7 = 0.79 is hedged
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.85, 0.9, true, 7, 1)));
    // nothing found by BM25 and far down the vectors: still only hedged while the evidence holds
    assertEquals(AnswerDecision.Verdict.HEDGE,
        e5.decide(new AnswerDecision.Signals(0.81, 0, false, AnswerDecision.UNRANKED, AnswerDecision.UNRANKED)));
  }

  @Test
  void shouldTellE5sDevCasesApart() {
    // signals measured with e5-small on dev questions (docs/retrieval.md):
    // a French question about an office the company does not have, no content word found: 0.793, declined
    assertEquals(AnswerDecision.Verdict.NOT_COVERED, e5.decide(new AnswerDecision.Signals(0.793, 0, false, 4, 20)));
    // an answerable French question whose words the English passages lack: hedged rather than declined
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.804, 0, false, 32, 3)));
    // "whats the daily meal allowance when im travelling for work in germany" (no policy): the highest similarity of
    // the unanswerable dev questions, 0.874, but third among the vectors and 19th in BM25: 0.823, hedged
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.874, 0.67, false, 3, 19)));
    // "can i get a company car or a car allowance once im L6" (no policy): most words found, BM25 and vectors agree
    // (evidence 1.398: answered by the rule before); third in both rankings: 0.848 − 0.033 − 0.007 = 0.808, hedged
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.848, 0.80, true, 3, 3)));
    // "is lunch free in the hamburg office" (no policy): first in both rankings, but 0.812 is under 0.835: hedged
    assertEquals(AnswerDecision.Verdict.HEDGE, e5.decide(new AnswerDecision.Signals(0.812, 0.50, true, 1, 1)));
    // "getting promoted to L5 in april, how much of a raise comes with it": the nearest vector, fifth in BM25: answered
    assertEquals(AnswerDecision.Verdict.ANSWER, e5.decide(new AnswerDecision.Signals(0.873, 0.67, false, 1, 5)));
  }
}
