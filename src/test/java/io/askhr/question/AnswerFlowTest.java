package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmDrafter;
import io.askhr.drafting.StreamingLlmDrafter;
import io.askhr.drafting.ResilientChatModel;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.TestModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole answer path over a real index of the fixture policies, with a loopback model server. */
class AnswerFlowTest {

  @TempDir static Path temp;
  static PolicyIndex index;
  static LoopbackChatServer model;
  static AnswerSettings settings;
  static ExtractiveDrafter extractive;

  @BeforeAll
  static void setUp() throws Exception {
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
    model = new LoopbackChatServer();
    settings = Settings.fromEnvironment(Map.of("HR_CONTACT", "the People team (people@example.test)", "EMBEDDING_MODEL", "minilm"),
        Optional.empty(), Optional.empty()).answers();
    extractive = new ExtractiveDrafter(TestModels.local());
  }

  @AfterAll
  static void tearDown() throws Exception {
    model.close();
    index.close();
  }

  private static QuestionHandler extractiveFlow() {
    return new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(), settings);
  }

  private static QuestionHandler llmFlow(Duration timeout) {
    LlmDrafter llm = new LlmDrafter(OpenAiChatModel.builder().baseUrl(model.baseUrl()).apiKey("k").modelName("m")
        .timeout(timeout).maxRetries(0).build(), "Brightwater Systems", settings.hrContact());
    return new AnswerFlow(index.searcher(), llm, extractive, new FollowUpHeuristic(), settings);
  }

  private static Question ask(String text) {
    return Question.first(text, Asker.anonymous("u1"), Platform.CLI);
  }

  @Test
  void shouldKeepAnsweringExtractivelyWhileTheModelIsDownAndStopCallingItOnceTheBreakerOpens() throws Exception {
    try (LoopbackChatServer down = new LoopbackChatServer()) {
      // given a model endpoint that fails every call
      down.status(503);
      ResilientChatModel resilient = new ResilientChatModel(OpenAiChatModel.builder().baseUrl(down.baseUrl())
          .apiKey("k").modelName("m").maxRetries(0).httpClientBuilder(ResilientChatModel.httpClientBuilder()).build(),
          4, Duration.ofSeconds(1), ResilientChatModel.breakerConfig(Duration.ofMinutes(1)));
      QuestionHandler flow = new AnswerFlow(index.searcher(),
          new LlmDrafter(resilient, "Brightwater Systems", settings.hrContact()), extractive, new FollowUpHeuristic(),
          settings);

      // when
      List<Reply> replies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        replies.add(flow.answer(ask("How many days of annual leave do full-time employees get?")));
      }
      int callsWhenOpen = down.requests().size();
      replies.add(flow.answer(ask("How many days of annual leave do full-time employees get?")));

      // then every reply is a labelled, cited extractive answer, and the open breaker spares the model
      for (Reply reply : replies) {
        assertEquals(Reply.Mode.EXTRACTIVE, reply.mode());
        assertTrue(reply.notices().stream().anyMatch(n -> n.contains("unavailable")), reply.notices().toString());
        assertEquals("leave/annual-leave.md", reply.citations().get(0).source());
      }
      assertEquals(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN, resilient.state());
      assertEquals(callsWhenOpen, down.requests().size());
    }
  }

  @Test
  void shouldQuoteThePolicySentenceThatAnswersFirst() {
    // when
    Reply reply = extractiveFlow().answer(ask("How many days of compassionate leave can I take when my grandmother dies?"));

    // then
    assertEquals(Reply.Mode.EXTRACTIVE, reply.mode());
    String firstQuote = reply.text().lines().filter(l -> l.startsWith("> ")).findFirst().orElseThrow();
    assertTrue(firstQuote.contains("up to five days of paid compassionate leave"), reply.text());
    assertTrue(reply.text().startsWith("Here is what our policies say (quoted directly)"));
    assertEquals("leave/bereavement.md", reply.citations().get(0).source());
    assertEquals(1, reply.citations().get(0).number());
    assertTrue(reply.text().contains("[1]"));
    assertFalse(reply.has(Reply.Flag.NOT_COVERED));
  }

  @Test
  void shouldReadAQuestionWithZeroWidthCharactersInsideWordsAsTheSameQuestion() {
    // given the same question with zero-width spaces hidden inside its words
    String plain = "How many days of compassionate leave can I take when my grandmother dies?";
    String hidden = "How many days of com\u200Bpas\u200Bsion\u200Bate le\u200Bave can I take when my gr\u200Band\u200Bmother di\u200Bes?";

    // when
    Reply clean = extractiveFlow().answer(ask(plain));
    Reply split = extractiveFlow().answer(ask(hidden));

    // then the invisible characters change nothing
    assertEquals(clean.text(), split.text());
    assertEquals(clean.citations(), split.citations());
  }

  @Test
  void shouldHedgeAnExtractiveReplyOnlyWhenTheRuleSaysThePassagesMayNotAnswer() {
    // given: the question's evidence, and "not covered" thresholds that put it inside and above the hedge band
    String question = "How many days of annual leave do full-time employees get?";
    AnswerDecision rule = new AnswerDecision(settings.minSimilarity(), settings.decision());
    double evidence = rule.evidence(AnswerDecision.signals(question,
        index.searcher().search(question, io.askhr.retrieval.Scope.everyone(), settings.topK())));
    QuestionHandler hedging = new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(),
        withNotCovered(evidence - 0.01));
    QuestionHandler answering = new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(),
        withNotCovered(evidence - settings.decision().hedgeMargin() - 0.01));

    // when
    Reply hedged = hedging.answer(ask(question));
    Reply answered = answering.answer(ask(question));

    // then
    assertTrue(hedged.text().startsWith("I could not find a policy that answers this directly."), hedged.text());
    assertTrue(hedged.text().contains("people@example.test"));
    assertTrue(hedged.has(Reply.Flag.HEDGED));
    assertTrue(hedged.has(Reply.Flag.ESCALATION_SUGGESTED));
    assertFalse(hedged.has(Reply.Flag.NOT_COVERED));
    assertEquals("leave/annual-leave.md", hedged.citations().get(0).source());
    assertTrue(answered.text().startsWith("Here is what our policies say"), answered.text());
    assertFalse(answered.has(Reply.Flag.HEDGED));
    assertTrue(answered.text().contains("27 days"), answered.text());
  }

  @Test
  void shouldHedgeOnTheTopHitsRanksWithoutDecliningWhenTheWeightsSaySo() {
    // given: weights with rank penalties, and thresholds put around the question's own evidence and hedge score
    String question = "How many days of annual leave do full-time employees get?";
    DecisionWeights ranked = new DecisionWeights(0.5, 0.1, 0.04, 0.03, 0.006);
    AnswerDecision.Signals signals = AnswerDecision.signals(question,
        index.searcher().search(question, io.askhr.retrieval.Scope.everyone(), settings.topK()));
    AnswerDecision probe = new AnswerDecision(0, ranked);
    double evidence = probe.evidence(signals);
    double hedgeScore = probe.hedgeScore(signals);
    // a threshold the evidence clears but the hedge score does not clear by the margin; then one it clears
    double hedgingThreshold = Math.min(evidence, hedgeScore - 0.01);
    double answeringThreshold = hedgeScore - 0.04 - 0.01;
    QuestionHandler hedging = new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(),
        withDecision(hedgingThreshold, ranked));
    QuestionHandler answering = new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(),
        withDecision(answeringThreshold, ranked));

    // when
    Reply hedged = hedging.answer(ask(question));
    Reply answered = answering.answer(ask(question));

    // then: the hedge sentence only where the rule hedges, and neither reply is declined
    assertTrue(hedged.has(Reply.Flag.HEDGED));
    assertFalse(hedged.has(Reply.Flag.NOT_COVERED));
    assertTrue(hedged.text().startsWith("I could not find a policy that answers this directly."), hedged.text());
    assertTrue(hedged.text().contains("27 days"), hedged.text());
    assertFalse(answered.has(Reply.Flag.HEDGED));
    assertFalse(answered.text().contains("I could not find a policy"), answered.text());
    assertTrue(answered.text().contains("27 days"), answered.text());
  }

  private static AnswerSettings withDecision(double threshold, DecisionWeights decision) {
    return new AnswerSettings(settings.topK(), threshold, Math.max(threshold, settings.confidentSimilarity()),
        settings.maxQuestionChars(), settings.hrContact(), decision);
  }

  private static AnswerSettings withNotCovered(double threshold) {
    return new AnswerSettings(settings.topK(), threshold, Math.max(threshold, settings.confidentSimilarity()),
        settings.maxQuestionChars(), settings.hrContact(), settings.decision());
  }

  @Test
  void shouldSayPlainlyWhenThePoliciesDoNotCoverTheQuestion() {
    // when
    Reply reply = extractiveFlow().answer(ask("What is the best pizza topping?"));

    // then
    assertTrue(reply.has(Reply.Flag.NOT_COVERED));
    assertTrue(reply.has(Reply.Flag.ESCALATION_SUGGESTED));
    assertTrue(reply.text().contains("people@example.test"), reply.text());
    assertEquals(List.of(), reply.citations());
  }

  @Test
  void shouldFlagSensitiveQuestionsAndOfferHr() {
    // when
    Reply reply = extractiveFlow().answer(ask("Am I going to be made redundant, and how much severance would I get?"));

    // then
    assertTrue(reply.has(Reply.Flag.SENSITIVE));
    assertTrue(reply.has(Reply.Flag.ESCALATION_SUGGESTED));
    assertTrue(reply.text().contains("not a decision about your own situation"), reply.text());
    assertTrue(reply.text().contains("people@example.test"));
    assertEquals("reorganisation/severance.md", reply.citations().get(0).source());
  }

  @Test
  void shouldUnderstandAFollowUpFromTheConversation() {
    // given
    Question followUp = new Question("and for part-timers?", Asker.anonymous("u1"), Platform.WEB,
        List.of(Turn.employee("How many days of annual leave do I get?"), Turn.bot("27 days [1]")));

    // when
    Reply reply = extractiveFlow().answer(followUp);

    // then
    assertTrue(reply.citations().stream().anyMatch(c -> c.section().endsWith("Part-time employees")),
        reply.citations().toString());
    assertTrue(reply.text().contains("pro rata"), reply.text());
  }

  @Test
  void shouldGiveAUsageHintForAnEmptyQuestion() {
    // when
    Reply reply = extractiveFlow().answer(ask(" \u0000\t "));

    // then
    assertEquals(Set.of(Reply.Flag.USAGE_HINT), reply.flags());
    assertTrue(reply.text().startsWith("Ask me a question"));
  }

  @Test
  void shouldGiveAUsageHintForAMessageWithoutWords() {
    assertEquals(Set.of(Reply.Flag.USAGE_HINT), extractiveFlow().answer(ask("?!?! \uD83D\uDE00")).flags());
  }

  @Test
  void shouldCutWithoutSplittingAnEmoji() {
    assertEquals("ab", Texts.cut("ab\uD83D\uDE00", 3));
    assertEquals("ab\uD83D\uDE00", Texts.cut("ab\uD83D\uDE00c", 4));
  }

  @Test
  void shouldAnswerAFollowUpToAHugeEarlierMessage() {
    // given
    Question followUp = new Question("and for part-timers?", Asker.anonymous("u1"), Platform.WEB,
        List.of(Turn.employee("How many days of annual leave do I get? " + "really ".repeat(150_000))));

    // when
    Reply reply = extractiveFlow().answer(followUp);

    // then
    assertFalse(reply.citations().isEmpty());
  }

  @Test
  void shouldTruncateAHugeQuestionWithANotice() {
    // given
    String huge = "How is severance calculated? " + "please ".repeat(8_000);

    // when
    Reply reply = extractiveFlow().answer(ask(huge));

    // then
    assertEquals(1, reply.notices().size());
    assertTrue(reply.notices().get(0).contains("first " + settings.maxQuestionChars() + " characters"));
    assertFalse(reply.citations().isEmpty());
  }

  @Test
  void shouldReturnTheModelsGroundedAnswerWithRenumberedCitations() {
    // given: the model cites the second source it was shown, and one that does not exist
    model.replyWith(request -> "Three weeks of base pay per complete year of service [2][9].").delay(Duration.ZERO);

    // when
    Reply reply = llmFlow(Duration.ofSeconds(5)).answer(ask("How is severance calculated?"));

    // then
    assertEquals(Reply.Mode.LLM, reply.mode());
    // A general question about severance is not sensitive, so the text is the model's line alone.
    assertEquals("Three weeks of base pay per complete year of service [1].", reply.text().strip(), reply.text());
    assertEquals(1, reply.citations().size());
    assertTrue(model.lastPrompt().contains("[2] "));
  }

  @Test
  void shouldReplyNotCoveredWhenTheModelCitesOnlyPhantoms() {
    // given
    model.replyWith("Everyone gets a company car [7].").delay(Duration.ZERO);

    // when
    Reply reply = llmFlow(Duration.ofSeconds(5)).answer(ask("How is severance calculated?"));

    // then
    assertTrue(reply.has(Reply.Flag.NOT_COVERED));
    assertFalse(reply.text().contains("company car"));
  }

  @Test
  void shouldFallBackToTheLabelledExtractiveAnswerWhenTheModelTimesOut() {
    // given
    model.replyWith("too late [1]").delay(Duration.ofSeconds(3));

    // when
    Reply reply = llmFlow(Duration.ofMillis(400)).answer(ask("How is severance calculated?"));

    // then
    assertEquals(Reply.Mode.EXTRACTIVE, reply.mode());
    assertTrue(reply.notices().get(0).contains("AI assistant is unavailable"), reply.notices().toString());
    assertTrue(reply.text().contains("three weeks of base pay"), reply.text());
    assertEquals("reorganisation/severance.md", reply.citations().get(0).source());
  }

  @Test
  void shouldStreamVerifiedSentencesThatAreExactlyTheStartOfTheReply() throws Exception {
    try (LoopbackChatServer streaming = new LoopbackChatServer()) {
      // given a model that streams an answer citing the second and a phantom source
      streaming.streamEvery(Duration.ofMillis(2)).replyWith("Close relatives include grandparents [2]. You may take"
          + " up to five days [2][99].\n\nAsk your manager [1].");
      ResilientChatModel resilient = new ResilientChatModel(OpenAiChatModel.builder().baseUrl(streaming.baseUrl())
          .apiKey("k").modelName("m").build(), 4, Duration.ofSeconds(5),
          ResilientChatModel.breakerConfig(Duration.ofMinutes(1)));
      StreamingLlmDrafter drafter = new StreamingLlmDrafter(resilient.streaming(
          dev.langchain4j.model.openai.OpenAiStreamingChatModel.builder().baseUrl(streaming.baseUrl()).apiKey("k")
              .modelName("m").build(), Duration.ofSeconds(5)),
          new LlmDrafter(resilient, "Brightwater Systems", settings.hrContact()), Duration.ofSeconds(10));
      QuestionHandler flow = new AnswerFlow(index.searcher(), drafter, extractive, new FollowUpHeuristic(), settings);
      List<String> pieces = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<AnswerStream.Stage> stages = new java.util.concurrent.CopyOnWriteArrayList<>();

      // when
      Reply reply = flow.answer(ask("How many days of compassionate leave can I take when my grandmother dies?"),
          new AnswerStream() {
            @Override
            public void stage(Stage stage) {
              stages.add(stage);
            }

            @Override
            public void verified(String piece) {
              pieces.add(piece);
            }
          });

      // then: sources renumbered in order of first mention, phantoms gone, and the pieces are the reply's text
      assertEquals(List.of(AnswerStream.Stage.SEARCHING, AnswerStream.Stage.CHECKING_SOURCES), stages);
      assertEquals(List.of("Close relatives include grandparents [1].", " You may take up to five days [1].",
          "\n\nAsk your manager [2]."), pieces);
      assertEquals(String.join("", pieces), reply.text());
      assertEquals(Reply.Mode.LLM, reply.mode());
      assertEquals(2, reply.citations().size());
    }
  }
}
