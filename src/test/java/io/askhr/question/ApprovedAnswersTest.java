package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.askhr.answers.ApprovedAnswerFolder;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approved answers through the real answer path: a real index over the fixture policies plus an answers folder. */
class ApprovedAnswersTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
  static final String SEVERANCE_TEXT = """
      Severance is **three weeks of base pay** for each complete year of service.

      - at least eight weeks
      - at most 52 weeks

      Ask your People Partner for an estimate.""";
  static final String CALIBRATION_TEXT = "Calibration panels may move a score by at most two points.";
  static final String VOLUNTARY_TEXT = "Voluntary redundancy is offered team by team; ask your People Partner.";

  @TempDir static Path temp;
  static PolicyIndex index;
  static KnowledgeFolder folder;
  static AnswerSettings settings;

  @BeforeAll
  static void setUp() throws Exception {
    Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    Path answers = Files.createDirectories(knowledge.resolve("answers"));
    Files.writeString(answers.resolve("severance.md"), """
        ---
        questions:
          - How much severance will I get?
          - How is my redundancy pay worked out?
        owner: Employee Relations team
        effective: 2026-11-01
        review_by: 2027-03-01
        audience: everyone
        sources: [reorganisation/severance.md]
        ---
        """ + SEVERANCE_TEXT + "\n");
    Files.writeString(answers.resolve("calibration.md"), """
        ---
        questions:
          - How do calibration panels change selection scores?
        owner: People Policy team
        effective: 2026-10-01
        review_by: 2027-03-01
        audience: managers
        sources: [managers/selection-calibration.md]
        ---
        """ + CALIBRATION_TEXT + "\n");
    Files.writeString(answers.resolve("voluntary-redundancy.md"), """
        ---
        questions:
          - How does voluntary redundancy work?
          - Can I volunteer for redundancy?
          - What do I get if I take voluntary redundancy?
        owner: Employee Relations team
        effective: 2026-11-01
        review_by: 2027-03-01
        audience: everyone
        sources: [reorganisation/severance.md]
        ---
        """ + VOLUNTARY_TEXT + "\n");
    folder = new KnowledgeFolder(knowledge, 10_000_000);
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    index.update(folder, PassageSplitter.defaults());
    settings = Settings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty()).answers();
  }

  @AfterAll
  static void tearDown() throws Exception {
    index.close();
  }

  private static AnswerFlow flow(ApprovedAnswers approved) {
    ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
    return new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(), settings,
        AnswerMetrics.NONE, SensitiveClassifier.rulesOnly(), approved);
  }

  private static ApprovedAnswers approved(Clock clock) {
    return ApprovedAnswers.load(new ApprovedAnswerFolder(folder), TestModels.local(), clock);
  }

  private static Question ask(String text, Set<String> groups) {
    return Question.first(text, new Asker("u1", "", groups, Optional.empty()), Platform.CLI);
  }

  @Test
  void shouldGiveTheApprovedTextVerbatimWithItsLabelAndSources() {
    // given
    AnswerFlow flow = flow(approved(TODAY));

    // when a rephrasing of one of its questions is asked
    Reply reply = flow.answer(ask("How much severance would I get?", Set.of()));

    // then HR's text comes first, unchanged; the policy's own line follows it, cited as the answer's source [1]
    assertTrue(reply.text().startsWith(SEVERANCE_TEXT + "\n\nFor your question, the policy says (quoted directly):\n"),
        reply.text());
    assertTrue(reply.text().endsWith("**Severance pay › Formula**\n> Severance is three weeks of base pay for each "
        + "complete year of service, with a minimum of eight weeks and a maximum of 52 weeks. [1]"), reply.text());
    assertEquals(Optional.of(new Reply.Approval("Employee Relations team", LocalDate.parse("2026-11-01"))),
        reply.approval());
    assertEquals("Approved by HR · Employee Relations team · 2026-11-01", reply.approval().get().label());
    assertEquals(List.of("reorganisation/severance.md"), reply.citations().stream().map(Citation::source).toList());
    assertEquals("Severance pay", reply.citations().get(0).title());
    // a personal severance question is sensitive: the text stays verbatim, the flags offer a person
    assertTrue(reply.has(Reply.Flag.SENSITIVE));
  }

  @Test
  void shouldQuoteTheAnswersOwnSourceForAParticularOfTheQuestion() {
    // given an answer whose source is the severance policy
    AnswerFlow flow = flow(approved(TODAY));

    // when asked about its topic with a particular the approved text words differently
    Reply reply = flow.answer(ask("How is my redundancy pay worked out? Is there a maximum?", Set.of()));

    // then the quote is the policy's line with the maximum, cited as the answer's one source
    assertTrue(reply.approval().isPresent());
    String quote = reply.text().substring(SEVERANCE_TEXT.length());
    assertTrue(quote.contains("a maximum of 52 weeks. [1]"), reply.text());
    assertEquals(List.of("reorganisation/severance.md"), reply.citations().stream().map(Citation::source).toList());
  }

  @Test
  void shouldQuoteNoPolicyWhenHrSaysSo() throws Exception {
    // given the severance answer twice: as shipped, and with quote_policy: false
    Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge-no-quote"));
    Path answers = Files.createDirectories(knowledge.resolve("answers"));
    Files.writeString(answers.resolve("severance.md"), Files.readString(folder.root().resolve("answers/severance.md"))
        .replace("owner:", "quote_policy: false\nowner:"));
    ApprovedAnswers withoutQuote = ApprovedAnswers.load(
        new ApprovedAnswerFolder(new KnowledgeFolder(knowledge, 10_000_000)), TestModels.local(), TODAY);

    // when
    Reply quoted = flow(approved(TODAY)).answer(ask("How much severance would I get?", Set.of()));
    Reply plain = flow(withoutQuote).answer(ask("How much severance would I get?", Set.of()));
    assertEquals(List.of(), withoutQuote.problems());

    // then
    assertTrue(quoted.text().length() > SEVERANCE_TEXT.length(), quoted.text());
    assertEquals(SEVERANCE_TEXT, plain.text());
    assertTrue(plain.approval().isPresent());
  }

  @Test
  void shouldCiteTheQuoteWithItsFilesNumberAmongTheAnswersSources() throws Exception {
    // given an answer citing two policies, the one that answers second
    Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge-two-sources"));
    Path answers = Files.createDirectories(knowledge.resolve("answers"));
    Files.writeString(answers.resolve("severance.md"), Files.readString(folder.root().resolve("answers/severance.md"))
        .replace("sources: [reorganisation/severance.md]",
            "sources: [leave/annual-leave.md, reorganisation/severance.md]"));
    ApprovedAnswers twoSources = ApprovedAnswers.load(
        new ApprovedAnswerFolder(new KnowledgeFolder(knowledge, 10_000_000)), TestModels.local(), TODAY);
    assertEquals(List.of(), twoSources.problems());

    // when
    Reply reply = flow(twoSources).answer(ask("How much severance would I get? Is there a maximum?", Set.of()));

    // then
    assertEquals(List.of("leave/annual-leave.md", "reorganisation/severance.md"),
        reply.citations().stream().map(Citation::source).toList());
    String quote = reply.text().substring(SEVERANCE_TEXT.length());
    assertTrue(quote.contains("maximum of 52 weeks. [2]"), reply.text());
    assertFalse(quote.contains("[1]"), reply.text());
  }

  @Test
  void shouldNotQuoteAPolicyTheAnswerDoesNotList() {
    // given a search whose best passages are all from a policy the severance answer does not list
    PolicySearcher otherPolicy = org.mockito.Mockito.mock(PolicySearcher.class);
    PolicyPassage leave = new PolicyPassage("leave/annual-leave.md#0", "leave/annual-leave.md", "Annual leave",
        List.of("Annual leave"), 0, Optional.empty(), Set.of("everyone"), Set.of(), Optional.empty(),
        "Severance pay is not annual leave: every employee gets 25 days of annual leave a year.");
    org.mockito.Mockito.when(otherPolicy.search(org.mockito.ArgumentMatchers.anyString(),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyInt()))
        .thenReturn(List.of(new io.askhr.retrieval.Hit(leave, 1.0, 0.9, 1, 1)));
    ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
    AnswerFlow flow = new AnswerFlow(otherPolicy, extractive, extractive, new FollowUpHeuristic(), settings,
        AnswerMetrics.NONE, SensitiveClassifier.rulesOnly(), approved(TODAY));

    // when
    Reply reply = flow.answer(ask("How much severance would I get?", Set.of()));

    // then HR's text alone: the annual-leave line is never quoted under the severance answer
    assertEquals(SEVERANCE_TEXT, reply.text());
  }

  @Test
  void shouldGiveHrsTextAloneWhenTheSearchFindsNoneOfTheAnswersSources() {
    // given the severance answer, and a search that finds nothing (a unit seam: the index is not the point here)
    PolicySearcher nothing = org.mockito.Mockito.mock(PolicySearcher.class);
    ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
    AnswerFlow flow = new AnswerFlow(nothing, extractive, extractive, new FollowUpHeuristic(), settings,
        AnswerMetrics.NONE, SensitiveClassifier.rulesOnly(), approved(TODAY));

    // when
    Reply reply = flow.answer(ask("How much severance would I get?", Set.of()));

    // then
    assertEquals(SEVERANCE_TEXT, reply.text());
    assertTrue(reply.approval().isPresent());
  }

  @Test
  void shouldNeverGiveAManagersAnswerToSomeoneNotKnownToBeAManager() {
    // given
    AnswerFlow flow = flow(approved(TODAY));
    String question = "How do calibration panels change selection scores?";

    // when
    Reply employee = flow.answer(ask(question, Set.of()));
    Reply manager = flow.answer(ask(question, Set.of("managers")));

    // then
    assertTrue(employee.approval().isEmpty());
    assertFalse(employee.text().contains(CALIBRATION_TEXT));
    assertTrue(manager.text().startsWith(CALIBRATION_TEXT), manager.text());
    assertEquals("People Policy team", manager.approval().orElseThrow().owner());
  }

  @Test
  void shouldGiveNoOtherApprovedAnswerWhenTheClosestIsForAnotherAudience() {
    // given an employee asking the managers' question, with the severance answer visible to everyone
    ApprovedAnswers approved = approved(TODAY);
    String question = "How do calibration panels change selection scores?";

    // when
    Optional<ApprovedAnswers.Match> employee = approved.closest(question, io.askhr.retrieval.Scope.everyone());
    Optional<ApprovedAnswers.Match> manager = approved.closest(question,
        io.askhr.retrieval.Scope.of(Set.of("managers"), Optional.empty()));

    // then the next-closest answer is not given instead: it would answer a question nobody asked
    assertEquals(Optional.empty(), employee);
    assertEquals("answers/calibration.md", manager.orElseThrow().answer().file());
  }

  @Test
  void shouldAnswerFromPoliciesWhenNoApprovedAnswerIsCloseEnough() {
    // given
    AnswerFlow flow = flow(approved(TODAY));

    // when
    Reply reply = flow.answer(ask("How many days of annual leave do I get?", Set.of()));

    // then
    assertTrue(reply.approval().isEmpty());
    assertFalse(reply.text().contains(SEVERANCE_TEXT));
  }

  @Test
  void shouldStopGivingAnAnswerWhoseReviewDateHasPassed() {
    // given a clock after review_by
    ApprovedAnswers approved = approved(Clock.fixed(Instant.parse("2027-03-02T09:00:00Z"), ZoneOffset.UTC));

    // when
    Reply reply = flow(approved).answer(ask("How much severance will I get?", Set.of()));

    // then
    assertTrue(reply.approval().isEmpty());
    assertEquals(List.of("answer-review-expired", "answer-review-expired", "answer-review-expired"),
        approved.problems().stream().map(p -> p.rule()).toList());
  }

  @Test
  void shouldMatchTheQuestionSentenceOfAMessageWithContext() {
    // given
    ApprovedAnswers approved = approved(TODAY);

    // when
    Optional<ApprovedAnswers.Match> match = approved.match(
        "How much severance will I get? My team lead told me yesterday that the whole department is closing.",
        io.askhr.retrieval.Scope.everyone());

    // then
    assertEquals("answers/severance.md", match.orElseThrow().answer().file());
    assertTrue(match.get().similarity() >= ApprovedAnswers.MIN_SIMILARITY);
  }

  @Test
  void shouldNotIndexApprovedAnswersAsPolicies() throws Exception {
    // when
    List<String> listed = folder.list().files().stream().map(f -> f.source()).toList();

    // then
    assertFalse(listed.stream().anyMatch(s -> s.startsWith("answers/")), listed.toString());
    assertTrue(listed.contains("reorganisation/severance.md"));
  }

  @Test
  void shouldNotGiveAnApprovedAnswerToAQuestionThatSharesOnlyOnePhrasingsFrame() {
    // given the voluntary redundancy answer, one of whose phrasings is "How does voluntary redundancy work?"
    ApprovedAnswers approved = approved(TODAY);
    String overtime = "How does voluntary overtime work?";
    double nearestPhrasing = CosineSimilarity.between(
        Embedding.from(TestModels.local().query(overtime)),
        Embedding.from(TestModels.local().query("How does voluntary redundancy work?")));

    // when a question about something else in the same frame is asked, and a rephrasing of the answer's question
    Optional<ApprovedAnswers.Match> other = approved.match(overtime, io.askhr.retrieval.Scope.everyone());
    Optional<ApprovedAnswers.Match> rephrased = approved.match("How can I volunteer for redundancy?",
        io.askhr.retrieval.Scope.everyone());

    // then the nearest phrasing alone would have given the canned answer, the mean of the nearest two does not
    assertTrue(nearestPhrasing >= ApprovedAnswers.MIN_SIMILARITY, "nearest phrasing " + nearestPhrasing);
    assertEquals(Optional.empty(), other);
    assertEquals("answers/voluntary-redundancy.md", rephrased.orElseThrow().answer().file());
    assertTrue(rephrased.get().similarity() >= ApprovedAnswers.MIN_SIMILARITY);
  }

  @Test
  void shouldScoreAnAnswerByTheMeanOfItsTwoNearestPhrasings() {
    // given a question vector and three phrasings at known cosines 1.0, 0.6 and 0.0 from it
    float[] asked = {1, 0};
    ExampleVectors phrasings = new ExampleVectors(List.of(new float[] {0, 1}, new float[] {1, 0},
        new float[] {0.6f, 0.8f}));

    // when
    double three = ApprovedAnswers.score(asked, phrasings);
    double one = ApprovedAnswers.score(asked, new ExampleVectors(List.of(new float[] {0.6f, 0.8f})));

    // then the two nearest count, in any order; an answer with a single phrasing is scored by it
    assertEquals(0.8, three, 1e-6);
    assertEquals(0.6, one, 1e-6);
  }
}
