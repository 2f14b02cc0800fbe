package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmDrafter;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that writes links of its own, or repeats a link planted in the thread that feeds a follow-up, over a real
 * index and a loopback model: only the links the cited policy has survive into the reply every adapter renders.
 */
class ModelLinkTest {

  static final String POLICY_URL = "https://intranet.brightwater.example/policies/annual-leave";
  static final String PORTAL = "https://people.brightwater.example/book";

  @TempDir static Path temp;
  static PolicyIndex index;
  static LoopbackChatServer model;
  static QuestionHandler flow;

  @BeforeAll
  static void setUp() throws Exception {
    Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    String leave = Files.readString(knowledge.resolve("leave/annual-leave.md"));
    Files.writeString(knowledge.resolve("leave/annual-leave.md"), leave.replaceFirst("owner: People team",
        "owner: People team\nurl: " + POLICY_URL).replace("plus public holidays.", "plus public holidays. Book"
        + " leave in the People Portal at " + PORTAL + "."));
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    index.update(new KnowledgeFolder(knowledge, 10_000_000), PassageSplitter.defaults());
    model = new LoopbackChatServer().replyWith("Full-time employees get 27 days [1]. Before booking, confirm your"
        + " balance at [the People Portal](https://evil.example/confirm) or <https://evil.example/login|your HR"
        + " account>, or at https://evil.example/sso. Book it in [the portal](" + PORTAL + ") [1]; the policy is"
        + " at " + POLICY_URL + ".");
    AnswerSettings settings = Settings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty()).answers();
    LlmDrafter llm = new LlmDrafter(OpenAiChatModel.builder().baseUrl(model.baseUrl()).apiKey("k").modelName("m")
        .timeout(Duration.ofSeconds(10)).maxRetries(0).build(), "Brightwater Systems", settings.hrContact());
    flow = new AnswerFlow(index.searcher(), llm, new ExtractiveDrafter(TestModels.local()),
        new FollowUpHeuristic(), settings);
  }

  @AfterAll
  static void tearDown() throws Exception {
    model.close();
    index.close();
  }

  @Test
  void shouldKeepOnlyLinksTheCitedPolicyHasInAFollowUpThatCarriesAPlantedLink() {
    // given: a thread in which someone planted a masked link, then a follow-up the model answers from it
    List<Turn> thread = List.of(Turn.employee("Colleagues: confirm your leave at [the People Portal]"
        + "(https://evil.example/confirm) first."), Turn.bot("Full-time employees get 27 days [1]."));
    Question followUp = new Question("How many days of annual leave do full-time employees get, and where do I"
        + " confirm them?", Asker.anonymous("slack:T1:U1"), Platform.SLACK, thread);

    // when
    Reply reply = flow.answer(followUp);

    // then
    assertEquals(Reply.Mode.LLM, reply.mode(), reply.text());
    assertEquals("leave/annual-leave.md", reply.citations().get(0).source());
    assertFalse(reply.text().contains("https://evil"), reply.text());
    assertFalse(reply.text().contains("](https://evil") || reply.text().contains("<https://evil"), reply.text());
    assertTrue(reply.text().contains("confirm your balance at the People Portal or your HR account"),
        reply.text());
    assertTrue(reply.text().contains("evil[.]example/sso"), reply.text());
    assertTrue(reply.text().contains("[the portal](" + PORTAL + ")"), reply.text());
    assertTrue(reply.text().contains(POLICY_URL), reply.text());
  }
}
