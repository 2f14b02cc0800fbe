package io.askhr.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmQueryRewriter;
import io.askhr.drafting.QueryRewriter;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.question.AnswerFlow;
import io.askhr.question.AnswerSettings;
import io.askhr.question.BilingualSearch;
import io.askhr.question.Asker;
import io.askhr.question.LanguageDetector;
import io.askhr.question.Messages;
import io.askhr.question.Platform;
import io.askhr.question.Question;
import io.askhr.question.Reply;
import io.askhr.retrieval.Hit;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.retrieval.Scope;
import io.askhr.testing.FixedTranslations;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The employee's language over the real {@code knowledge/} folder and the multilingual gold set: (a) the reply is in
 * the question's language, (b) the English rewrite (a loopback model translating from a fixed list) finds the gold
 * source in the top 5, against searching the question as written. Prints the figures; see docs/languages.md.
 */
class MultilingualEvalTest {

  static final Path GOLD = Path.of("src/test/resources/eval/multilingual_questions.jsonl");
  static final int K = 5;

  @TempDir static Path temp;
  static PolicyIndex index;
  static LoopbackChatServer model;
  static FixedTranslations translations;
  static List<Record> gold;
  static AnswerSettings settings;

  /** A gold record; {@code english} is what the loopback model answers to the rewrite prompt. */
  record Record(String question, String language, String english, List<String> sources, String split) {}

  @BeforeAll
  static void setUp() throws Exception {
    gold = read(GOLD);
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    index.update(new KnowledgeFolder(Path.of("knowledge"), 50_000_000), PassageSplitter.defaults());
    Map<String, String> english = new LinkedHashMap<>();
    gold.forEach(r -> english.put(r.question(), r.english()));
    translations = new FixedTranslations(english);
    model = new LoopbackChatServer().replyWith(translations);
    settings = Settings.fromEnvironment(Map.of("HR_CONTACT", "the People team (people@example.test)"),
        Optional.empty(), Optional.empty()).answers();
  }

  @AfterAll
  static void tearDown() throws Exception {
    model.close();
    index.close();
  }

  static List<Record> read(Path file) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Record> records = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      List<String> sources = new ArrayList<>();
      n.get("sources").forEach(s -> sources.add(s.asText()));
      records.add(new Record(n.get("question").asText(), n.get("language").asText(), n.get("english").asText(),
          sources, n.get("split").asText()));
    }
    return records;
  }

  @Test
  void goldSetShouldHoldAtLeastFortyQuestionsInFiveLanguagesBesideEnglishWithSourcesThatExist() {
    assertTrue(gold.size() >= 40, "questions: " + gold.size());
    for (String language : List.of("de", "fr", "es", "nl", "sv", "en")) {
      assertTrue(gold.stream().filter(r -> r.language().equals(language)).count() >= 5, language);
    }
    for (Record r : gold) {
      for (String source : r.sources()) {
        assertTrue(Files.exists(Path.of("knowledge").resolve(source)), source);
      }
    }
  }

  @Test
  void repliesShouldComeInTheQuestionsLanguage() {
    // given the answer path without a model (the fixed sentences are all there is to translate)
    ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
    AnswerFlow flow = new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(), settings);
    Tally detected = new Tally();
    Tally fixedStrings = new Tally();

    // when
    for (Record r : gold) {
      Reply reply = flow.answer(Question.first(r.question(), Asker.anonymous("u1"), Platform.CLI));
      boolean sameLanguage = reply.language().getLanguage().equals(r.language());
      detected.add(r, sameLanguage);
      fixedStrings.add(r, sameLanguage && speaks(reply, Messages.of(Locale.forLanguageTag(r.language()))));
    }

    // then
    System.out.println("(a) reply language = question language, by split: " + detected.bySplit());
    System.out.println("(a) reply language = question language, by language: " + detected.byLanguage());
    System.out.println("(a) reply's fixed sentences in the question's language, by split: " + fixedStrings.bySplit());
    assertTrue(detected.rate("heldout") >= 0.9, detected.bySplit());
    assertTrue(fixedStrings.rate("heldout") >= 0.9, fixedStrings.bySplit());
  }

  /** Whether the reply's fixed sentences are the ones of {@code messages}. */
  private static boolean speaks(Reply reply, Messages messages) {
    String contact = settings.hrContact();
    if (reply.has(Reply.Flag.NOT_COVERED)) {
      return reply.text().equals(messages.get(Messages.NOT_COVERED, Map.of("hr_contact", contact)));
    }
    boolean intro = reply.text().startsWith(messages.get(Messages.QUOTED_INTRO))
        || reply.text().startsWith(messages.get(Messages.CLOSEST_PASSAGES, Map.of("hr_contact", contact)));
    boolean notice = messages.isEnglish() == !reply.notices().contains(messages.get(Messages.NOTICE_POLICIES_IN_ENGLISH));
    return intro && notice;
  }

  @Test
  void theEnglishRewriteShouldFindTheGoldSourceMoreOftenThanTheQuestionAsWritten() {
    // given a rewriter that calls a loopback model translating from the gold set's list
    QueryRewriter rewriter = new LlmQueryRewriter(OpenAiChatModel.builder().baseUrl(model.baseUrl()).apiKey("k")
        .modelName("m").maxRetries(0).build());
    LanguageDetector detector = LanguageDetector.shared();
    PolicySearcher searcher = index.searcher();
    Tally asWritten = new Tally();
    Tally english = new Tally();
    Tally joined = new Tally();
    Tally fused = new Tally();

    // when
    for (Record r : gold) {
      Locale language = detector.detect(r.question());
      String rewritten = rewriter.rewrite(r.question(), List.of(), language).standalone();
      asWritten.add(r, hit(searcher.search(r.question(), Scope.everyone(), K), r));
      english.add(r, hit(searcher.search(rewritten, Scope.everyone(), K), r));
      // Searching with both the translation and the original: one joined query, or two rankings fused.
      joined.add(r, hit(searcher.search(rewritten + "\n" + r.question(), Scope.everyone(), K), r));
      fused.add(r, hit(rewritten.equals(r.question()) ? searcher.search(rewritten, Scope.everyone(), K)
          : BilingualSearch.search(searcher, rewritten, r.question(), Scope.everyone(), K), r));
    }

    // then
    System.out.println("(b) hit@" + K + " question as written (no rewrite), by split: " + asWritten.bySplit());
    System.out.println("(b) hit@" + K + " English rewrite alone, by split: " + english.bySplit());
    System.out.println("(b) hit@" + K + " rewrite and original in one query, by split: " + joined.bySplit());
    System.out.println("(b) hit@" + K + " rewrite and original fused by rank (what AnswerFlow searches), by split: "
        + fused.bySplit());
    System.out.println("(b) hit@" + K + " question as written, by language: " + asWritten.byLanguage());
    System.out.println("(b) hit@" + K + " rewrite and original fused, by language: " + fused.byLanguage());
    assertTrue(translations.unknown().isEmpty(), "untranslated: " + translations.unknown());
    assertTrue(fused.rate("heldout") > asWritten.rate("heldout"), fused.bySplit() + " vs " + asWritten.bySplit());
    assertTrue(fused.rate("heldout") >= 0.8, fused.bySplit());
  }

  private static boolean hit(List<Hit> hits, Record r) {
    return hits.stream().anyMatch(h -> r.sources().stream()
        .anyMatch(s -> GoldSet.source(s).matches(h.passage().source(), h.passage().page())));
  }

  /** Hits over questions, by split and by language. */
  static final class Tally {
    private final Map<String, int[]> counts = new TreeMap<>();

    void add(Record r, boolean ok) {
      for (String key : List.of("split:" + r.split(), "lang:" + r.language(), "split:all")) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0] += ok ? 1 : 0;
        c[1]++;
      }
    }

    double rate(String split) {
      int[] c = counts.get("split:" + split);
      return (double) c[0] / c[1];
    }

    String bySplit() {
      return format("split:");
    }

    String byLanguage() {
      return format("lang:");
    }

    private String format(String prefix) {
      StringBuilder s = new StringBuilder();
      counts.forEach((key, c) -> {
        if (key.startsWith(prefix)) {
          s.append(key.substring(prefix.length())).append(' ').append(c[0]).append('/').append(c[1])
              .append(String.format(Locale.ROOT, " (%.2f)  ", (double) c[0] / c[1]));
        }
      });
      return s.toString().strip();
    }
  }
}
