package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmDrafter;
import io.askhr.drafting.LlmQueryRewriter;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.testing.FixedTranslations;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replies in the employee's language over a real index of the fixture policies and a loopback model. */
class AnswerFlowLanguageTest {

  static final String LEAVE_DE = "Wie viele Urlaubstage bekommen Vollzeitbeschäftigte?";
  static final String SEVERANCE_FR = "Est-ce que je vais être licencié, et combien toucherais-je d'indemnité ?";
  static final String PIZZA_FR = "Quelle est la meilleure garniture pour une pizza ?";

  @TempDir static Path temp;
  static PolicyIndex index;
  static LoopbackChatServer model;
  static AnswerSettings settings;
  static ExtractiveDrafter extractive;
  static FixedTranslations translations = new FixedTranslations(Map.of(
      LEAVE_DE, "How many days of annual leave do full-time employees get?",
      SEVERANCE_FR, "Am I going to be made redundant, and how much severance would I get?",
      PIZZA_FR, "What is the best pizza topping?"));

  @BeforeAll
  static void setUp() throws Exception {
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
    // The rewrite prompt has no system message; the answer prompt has one. One model serves both, as in Engine.
    model = new LoopbackChatServer().replyWith(request -> isRewrite(request)
        ? translations.apply(request) : "Vollzeitbeschäftigte bekommen 27 Tage Jahresurlaub [1].");
    // The fixture index is embedded with MiniLM (TestModels.embeddings()): its thresholds and decision weights apply.
    settings = Settings.fromEnvironment(Map.of("HR_CONTACT", "the People team (people@example.test)",
        "EMBEDDING_MODEL", "minilm"), Optional.empty(), Optional.empty()).answers();
    extractive = new ExtractiveDrafter(TestModels.local());
  }

  @AfterAll
  static void tearDown() throws Exception {
    model.close();
    index.close();
  }

  private static boolean isRewrite(JsonNode request) {
    return request.get("messages").size() == 1;
  }

  private static OpenAiChatModel chat() {
    return OpenAiChatModel.builder().baseUrl(model.baseUrl()).apiKey("k").modelName("m").maxRetries(0).build();
  }

  /** The language model rewrites (translates) the question; the answer is quoted, as when drafting fails. */
  private static QuestionHandler rewriteThenQuote() {
    return new AnswerFlow(index.searcher(), extractive, extractive, new LlmQueryRewriter(chat()), settings);
  }

  private static Reply ask(QuestionHandler flow, String text) {
    return flow.answer(Question.first(text, Asker.anonymous("u1"), Platform.CLI));
  }

  @Test
  void shouldDraftInGermanFromTheEnglishSearchWhenTheModelIsOn() {
    // given
    QuestionHandler flow = new AnswerFlow(index.searcher(), new LlmDrafter(chat(), "Brightwater Systems",
        settings.hrContact()), extractive, new LlmQueryRewriter(chat()), settings);

    // when
    Reply reply = ask(flow, LEAVE_DE);

    // then the search ran on the English rewrite, and the reply is the model's German answer with its source
    assertEquals(Locale.GERMAN, reply.language());
    assertEquals(Reply.Mode.LLM, reply.mode());
    assertEquals("Vollzeitbeschäftigte bekommen 27 Tage Jahresurlaub [1].", reply.text());
    assertEquals("leave/annual-leave.md", reply.citations().get(0).source());
    assertEquals(List.of(), reply.notices());
    assertTrue(translations.unknown().isEmpty(), translations.unknown().toString());
  }

  @Test
  void shouldQuoteTheEnglishPolicyWithGermanFixedSentencesAndSaySoWithoutAModelDraft() {
    // when
    Reply reply = ask(rewriteThenQuote(), LEAVE_DE);

    // then
    Messages de = Messages.of(Locale.GERMAN);
    assertEquals(Locale.GERMAN, reply.language());
    assertEquals(Reply.Mode.EXTRACTIVE, reply.mode());
    assertTrue(reply.text().startsWith("Das steht dazu in unseren Richtlinien (wörtlich zitiert):"), reply.text());
    assertEquals(List.of(de.get(Messages.NOTICE_POLICIES_IN_ENGLISH)), reply.notices());
    assertEquals("leave/annual-leave.md", reply.citations().get(0).source());
  }

  @Test
  void shouldAddTheSensitiveNoteInFrench() {
    // when
    Reply reply = ask(rewriteThenQuote(), SEVERANCE_FR);

    // then the English rewrite let the sensitive topic be recognised; the note is French
    assertEquals(Locale.FRENCH, reply.language());
    assertTrue(reply.has(Reply.Flag.SENSITIVE));
    assertTrue(reply.text().endsWith("Pour parler de votre cas en toute confidentialité, contactez "
        + "the People team (people@example.test)."), reply.text());
    assertEquals("reorganisation/severance.md", reply.citations().get(0).source());
  }

  @Test
  void shouldSayNotCoveredInFrench() {
    // when
    Reply reply = ask(rewriteThenQuote(), PIZZA_FR);

    // then
    assertTrue(reply.has(Reply.Flag.NOT_COVERED));
    assertEquals(Locale.FRENCH, reply.language());
    assertEquals("Je n'ai rien trouvé à ce sujet dans nos politiques RH, et je préfère ne pas deviner. Merci de "
        + "contacter the People team (people@example.test), qui pourra vous répondre.", reply.text());
  }

  @Test
  void shouldNoteAShortenedGermanMessageInGerman() {
    // given
    String huge = "Wie viele Urlaubstage bekommen Vollzeitbeschäftigte, und wie beantrage ich sie? ".repeat(200);

    // when
    Reply reply = ask(new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(), settings), huge);

    // then
    assertEquals(Locale.GERMAN, reply.language());
    assertTrue(reply.notices().contains("Ihre Nachricht war sehr lang, deshalb habe ich nur die ersten "
        + settings.maxQuestionChars() + " Zeichen gelesen."), reply.notices().toString());
  }

  @Test
  void shouldKeepEnglishRepliesAsTheyWere() {
    // when
    Reply reply = ask(new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(), settings),
        "How many days of annual leave do full-time employees get?");

    // then
    assertEquals(Locale.ENGLISH, reply.language());
    assertTrue(reply.text().startsWith("Here is what our policies say (quoted directly):"), reply.text());
    assertFalse(reply.notices().contains(Messages.of(Locale.ENGLISH).get(Messages.NOTICE_POLICIES_IN_ENGLISH)));
  }
}
