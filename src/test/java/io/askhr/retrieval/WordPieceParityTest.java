package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.askhr.retrieval.BertEncoder.Pooling;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AskHR's pure-Java BERT tokenizer and encoder against what they replace: the HuggingFace tokenizer as LangChain4j
 * configures it (DJL, native code; a test dependency only) and LangChain4j's {@code OnnxBertBiEncoder} on the same
 * one-thread ONNX session. Same ids, and the same vectors, so indexes built before stay valid.
 */
class WordPieceParityTest {

  /** Cosine distance two vectors may differ by: float rounding, not a different input. */
  private static final double SAME_VECTOR = 1e-5;

  private static Path files;
  private static HuggingFaceTokenizer huggingFace;
  private static WordPieceTokenizer ours;

  @BeforeAll
  static void loadTokenizers() throws IOException {
    files = Files.createTempDirectory("askhr-parity-");
    for (String name : List.of("e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json")) {
      try (InputStream in = resource(name)) {
        Files.copy(in, files.resolve(name));
      }
    }
    try (InputStream json = resource("e5-small-v2-q-tokenizer.json")) {
      huggingFace = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false")); // as OnnxBertBiEncoder
    }
    try (InputStream json = resource("e5-small-v2-q-tokenizer.json")) {
      ours = WordPieceTokenizer.read(json);
    }
  }

  @AfterAll
  static void close() throws IOException {
    huggingFace.close();
    try (Stream<Path> copies = Files.list(files)) {
      for (Path copy : copies.toList()) {
        Files.delete(copy);
      }
    }
    Files.delete(files);
  }

  @Test
  void shouldGiveTheHuggingFaceTokenizersIdsForEveryText() {
    // given
    List<String> texts = ParityTexts.all();

    // when: each text as it is, and with the e5 prefixes that the model really reads
    List<String> differing = new ArrayList<>();
    int compared = 0;
    for (String text : texts) {
      for (String input : List.of(text, "query: " + text, "passage: " + text)) {
        compared++;
        long[] expected = huggingFace.encode(input).getIds();
        long[] actual = Arrays.stream(ours.encode(input)).asLongStream().toArray();
        if (!Arrays.equals(expected, actual)) {
          differing.add(shorten(input) + "\n  HF:   " + Arrays.toString(expected) + "\n  ours: " + Arrays.toString(actual));
        }
      }
    }

    // then
    System.out.printf("token ids: %d texts (%d inputs with and without prefixes), %d equal, %d different%n",
        texts.size(), compared, compared - differing.size(), differing.size());
    assertTrue(texts.size() >= 300, "a few hundred texts: " + texts.size());
    assertEquals(List.of(), differing);
  }

  @Test
  void shouldGiveTheHuggingFaceTokenizersIdsForEveryUnicodeCharacter() {
    // given every code point, 200 to a text, between letters, and each alone where a text of them differs
    List<String> differing = new ArrayList<>();
    int checked = 0;
    for (int first = 1; first <= Character.MAX_CODE_POINT; first += 200) {
      StringBuilder text = new StringBuilder();
      for (int c = first; c < first + 200 && c <= Character.MAX_CODE_POINT; c++) {
        if (!Character.isSurrogate((char) c) || c > 0xFFFF) {
          text.append("a").appendCodePoint(c).append(" b").appendCodePoint(c);
        }
      }
      // when
      checked++;
      if (!sameIds(text.toString())) {
        for (int c = first; c < first + 200 && c <= Character.MAX_CODE_POINT; c++) {
          String one = "a" + Character.toString(c) + " b" + Character.toString(c);
          if ((c > 0xFFFF || !Character.isSurrogate((char) c)) && !sameIds(one)) {
            differing.add(String.format("U+%04X %s", c, Character.getName(c)));
          }
        }
      }
    }

    // then
    System.out.printf("code points: %d texts of 200, %d code points differ%n", checked, differing.size());
    assertEquals(List.of(), differing);
  }

  @Test
  void shouldGiveLangChain4jsVectors() throws Exception {
    // given LangChain4j's encoder and ours, each on a one-thread session of the bundled e5-small
    List<String> texts = ParityTexts.all();
    EmbeddingModel theirs = LangChain4jModel.load(files);
    EmbeddingModel ourModel = SingleThreadOnnxModel.load(files.resolve("e5-small-v2-q.onnx"),
        files.resolve("e5-small-v2-q-tokenizer.json"), Pooling.MEAN);
    int edges = ParityTexts.edges().size();
    List<TextSegment> segments = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      // every made-up and every long text, and a third of the others: the ONNX runs are what takes time here
      if (!text.isBlank() && (i < edges || text.length() > 2_000 || i % 3 == 0)) {
        segments.add(TextSegment.from((text.length() < 300 ? "query: " : "passage: ") + text));
      }
    }

    // when
    List<Embedding> expected = theirs.embedAll(segments).content();
    List<Embedding> actual = ourModel.embedAll(segments).content();

    // then
    double furthest = 0;
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      double distance = 1 - CosineSimilarity.between(expected.get(i), actual.get(i));
      furthest = Math.max(furthest, distance);
      if (distance > SAME_VECTOR) {
        differing.add(shorten(segments.get(i).text()) + ": " + distance);
      }
    }
    System.out.printf("vectors: %d texts, %d within %.0e cosine distance, largest distance %.3e%n",
        segments.size(), segments.size() - differing.size(), SAME_VECTOR, furthest);
    assertEquals(List.of(), differing);
  }

  @Test
  void shouldRefuseAnEmptyOrBlankTextAsLangChain4jDoes() throws Exception {
    // given
    EmbeddingModel ourModel = SingleThreadOnnxModel.load(files.resolve("e5-small-v2-q.onnx"),
        files.resolve("e5-small-v2-q-tokenizer.json"), Pooling.MEAN);
    EmbeddingModel theirs = LangChain4jModel.load(files);

    for (String blank : List.of("", " ", "\n\t ", "\u200b\u00ad")) {
      // when, then
      IllegalArgumentException expected = assertThrows(IllegalArgumentException.class, () -> theirs.embed(blank));
      IllegalArgumentException actual = assertThrows(IllegalArgumentException.class, () -> ourModel.embed(blank));
      assertEquals(expected.getMessage(), actual.getMessage());
    }
  }

  @Test
  void shouldCutTextsWhereTheTokenizerFileSays() throws IOException {
    // given MiniLM's file, which truncates to 128 positions, and a text far longer
    String text = "Employees may carry over up to five days of annual leave into the next year. ".repeat(40);
    try (InputStream theirs = resource("all-minilm-l6-v2-q-tokenizer.json");
         InputStream ourJson = resource("all-minilm-l6-v2-q-tokenizer.json");
         HuggingFaceTokenizer miniLm = HuggingFaceTokenizer.newInstance(theirs, Map.of("padding", "false"))) {
      WordPieceTokenizer ourMiniLm = WordPieceTokenizer.read(ourJson);

      // when
      long[] expected = miniLm.encode(text).getIds();
      long[] actual = Arrays.stream(ourMiniLm.encode(text)).asLongStream().toArray();

      // then
      assertEquals(128, expected.length);
      assertEquals(Arrays.toString(expected), Arrays.toString(actual));
    }
  }

  @Test
  void shouldRefuseATokenizerFileOfAnotherKind() {
    // given a byte-level BPE tokenizer file (GPT-2 style)
    String bpe = "{\"normalizer\":null,\"pre_tokenizer\":{\"type\":\"ByteLevel\"},\"model\":{\"type\":\"BPE\"}}";

    // when
    IOException refused = assertThrows(IOException.class,
        () -> WordPieceTokenizer.read(new ByteArrayInputStream(bpe.getBytes(StandardCharsets.UTF_8))));

    // then
    assertTrue(refused.getMessage().contains("BERT WordPiece"), refused.getMessage());
  }

  private static boolean sameIds(String text) {
    return Arrays.equals(huggingFace.encode(text).getIds(), Arrays.stream(ours.encode(text)).asLongStream().toArray());
  }

  private static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static InputStream resource(String name) {
    return WordPieceParityTest.class.getClassLoader().getResourceAsStream(name);
  }

  /** What the bundled model ran on before: LangChain4j's encoder on the same one-thread session. */
  private static final class LangChain4jModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    private LangChain4jModel(OnnxBertBiEncoder encoder) {
      super(null);
      this.encoder = encoder;
    }

    static LangChain4jModel load(Path files) throws Exception {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = environment.createSession(files.resolve("e5-small-v2-q.onnx").toString(), options);
      try (InputStream json = Files.newInputStream(files.resolve("e5-small-v2-q-tokenizer.json"))) {
        return new LangChain4jModel(new OnnxBertBiEncoder(environment, session, json, PoolingMode.MEAN));
      }
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }

  /** Real passages and questions of the repository, and text made to find the edges. */
  static final class ParityTexts {

    static List<String> all() {
      List<String> texts = new ArrayList<>(edges());
      texts.addAll(questions());
      texts.addAll(documents(Path.of("knowledge")));
      texts.addAll(documents(Path.of("src/test/resources/knowledge")));
      return texts;
    }

    static List<String> edges() {
      String longWord = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt".repeat(2);
      return List.of(
          "", " ", "\t\n", "\u00a0\u2003\u3000",
          "How much parental leave do I get?",
          "Wie viele Urlaubstage habe ich im Jahr? Übertragung in das nächste Jahr möglich?",
          "Combien de jours de congés payés ai-je ? Où trouver la politique « télétravail » ?",
          "¿Cuántos días de vacaciones tengo? Mañana pediré el reembolso.",
          "Straße, Maßnahme, Äußerung, ÆØÅ æøå, Œuvre, naïve café résumé, İstanbul, ΟΔΟΣ Σοφία",
          "Précédemment décomposé: e\u0301 vs é, n\u0303 vs ñ, Å vs A\u030a, ﬁ ligature, ｆｕｌｌｗｉｄｔｈ ＡＢＣ",
          "401(k) match is 4.5% up to $12,000/yr; 3 x 8h = 24h; -15 °C; 1,000,000.00 €; #1 @hr ~approx^2 `code`",
          "dates 2026-11-30, 30/11/2026, 11.30.26 10:45am; phone +49 (0)30 1234-5678; ext. 42",
          "a---b...c!!!d???e;;;f:::g\"\"\"h'''i(((j)))k[[[l]]]m{{{n}}}o<<<p>>>q|||r\\\\\\s///t___u",
          "“smart quotes” ‘single’ — em dash – en dash … ellipsis • bullet · middle dot ¶ § † ‡",
          "I'm can't won't you're it's o'clock rock'n'roll don't y'all",
          "URLs: https://intranet.example.com/hr/policies?id=42&lang=en#leave and hr@example.com",
          "emoji 😀 👍🏽 👨‍👩‍👧 ❤️ 🇩🇪 🤖 ✅ ☕️ and text after",
          "😀😀😀",
          "中文测试：年假有多少天？ 日本語のテキスト、ひらがな カタカナ 漢字。 한국어 텍스트입니다.",
          "mixed中文English混合text日本",
          "𠀀𠀁 𪜀 𫝀 𬺰 rare CJK extension ideographs and 丽 compatibility",
          "Русский текст: сколько дней отпуска? Ελληνικά: πόσες μέρες άδεια; עברית: כמה ימי חופשה? العربية: كم يوم إجازة؟",
          "हिन्दी: छुट्टी कितने दिन? ไทย: วันลากี่วัน Tiếng Việt: bao nhiêu ngày nghỉ phép?",
          "zero\u200bwidth soft\u00adhyphen bom\ufeffmark rtl\u200fmark joiner\u200d control\u0007bell nul\u0000char",
          "replacement \ufffd char, private use \ue000\uf8ff, tab\tnewline\ncarriage\rreturn, form\ffeed, vt\u000btab",
          "literal specials: [CLS] [SEP] [UNK] [MASK] [PAD] [cls] [Sep] x[UNK]y [UNK][UNK]",
          "hash ## tags ###x #hashtag ##s un##aff",
          longWord,
          longWord.substring(0, 99) + " " + longWord.substring(0, 100) + " " + longWord.substring(0, 101),
          "ALL CAPS SHOUTING ABOUT THE SEVERANCE POLICY!!! WHY???",
          "   leading and trailing spaces   ",
          "a",
          ".",
          "\u0301\u0302 combining marks alone",
          "x".repeat(3000),
          "word ".repeat(600),
          "The annual leave policy applies to all employees. ".repeat(80),
          "Überstunden werden mit 25 % Zuschlag vergütet; die Regelung gilt für alle Beschäftigten. ".repeat(60),
          "有給休暇の繰り越しについて。".repeat(100));
    }

    private static List<String> questions() {
      ObjectMapper json = new ObjectMapper();
      List<String> questions = new ArrayList<>();
      try (Stream<Path> files = Files.list(Path.of("src/test/resources/eval"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
          for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
              questions.add(json.readTree(line).path("question").asText());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return questions;
    }

    /** Each Markdown, HTML or text file whole (most are past 512 tokens) and each of its paragraphs. */
    private static List<String> documents(Path folder) {
      List<String> texts = new ArrayList<>();
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(f -> f.toString().matches(".*\\.(md|html|txt)")).sorted().toList()) {
          String whole = Files.readString(file);
          texts.add(whole);
          for (String paragraph : whole.split("\\n\\s*\\n")) {
            if (paragraph.strip().length() > 40) {
              texts.add(paragraph);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return texts;
    }
  }
}
