package io.askhr.config;

import io.askhr.question.AnswerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of AskHR, read once from the environment and validated, so that a bad value stops start-up with
 * a message that names the variable.
 *
 * @param indexDir where the Lucene index lives; by default one folder per knowledge folder under {@code data/index}
 * @param host the interface {@code serve} listens on
 * @param llm the chat model, absent when none is configured (answers are then extractive)
 */
public record Settings(
    Path knowledgeDir,
    Path dataDir,
    Path indexDir,
    String host,
    int port,
    Optional<LlmSettings> llm,
    AnswerSettings answers,
    long maxFileBytes,
    String company) {

  /**
   * Best-match similarity below which a question counts as not covered, and below which an extractive answer is
   * hedged. Measured with {@code askhr eval} over 115 answerable and 25 unanswerable questions (README "Not covered"):
   * no threshold separates them cleanly with this embedding model, so the lower one refuses only clear misses.
   */
  static final double DEFAULT_MIN_SIMILARITY = 0.30;
  static final double DEFAULT_CONFIDENT_SIMILARITY = 0.45;

  /** Reads the settings from environment variables, with command-line overrides for the two folders. */
  public static Settings fromEnvironment(Map<String, String> env, Optional<Path> knowledge, Optional<Path> index) {
    Path knowledgeDir = knowledge.orElse(Path.of(env.getOrDefault("KNOWLEDGE_DIR", "knowledge")));
    Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data"));
    Path indexDir = index.or(() -> Optional.ofNullable(blankToNull(env.get("INDEX_DIR"))).map(Path::of))
        .orElse(dataDir.resolve("index").resolve(indexName(knowledgeDir)));
    int port = parse(env, "PORT", "3978", Integer::parseInt, "a port number such as 3978");
    if (port < 0 || port > 65535) {
      throw new ConfigException("PORT must be between 0 and 65535, got " + port);
    }
    String hrContact = env.getOrDefault("HR_CONTACT", "the People team (people@brightwater.example, #ask-people)");
    AnswerSettings answers = new AnswerSettings(
        positive(parse(env, "RETRIEVAL_TOP_K", "6", Integer::parseInt, "a whole number such as 6"), "RETRIEVAL_TOP_K"),
        similarity(env, "RETRIEVAL_MIN_SIMILARITY", DEFAULT_MIN_SIMILARITY),
        similarity(env, "RETRIEVAL_CONFIDENT_SIMILARITY", DEFAULT_CONFIDENT_SIMILARITY),
        positive(parse(env, "MAX_QUESTION_CHARS", "4000", Integer::parseInt, "a whole number such as 4000"),
            "MAX_QUESTION_CHARS"),
        hrContact);
    long maxFileMb = positive(parse(env, "MAX_FILE_MB", "25", Integer::parseInt, "a whole number of megabytes"),
        "MAX_FILE_MB");
    if (answers.minSimilarity() > answers.confidentSimilarity()) {
      throw new ConfigException("RETRIEVAL_MIN_SIMILARITY (" + answers.minSimilarity()
          + ") must not be above RETRIEVAL_CONFIDENT_SIMILARITY (" + answers.confidentSimilarity() + ")");
    }
    String host = env.getOrDefault("HOST", "0.0.0.0").strip();
    if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
      throw new ConfigException("HOST must be a host name or IP address such as 0.0.0.0 or 127.0.0.1, got '" + host
          + "'");
    }
    return new Settings(knowledgeDir, dataDir, indexDir, host, port, llm(env), answers, maxFileMb * 1024 * 1024,
        env.getOrDefault("COMPANY_NAME", "Brightwater Systems"));
  }

  private static Optional<LlmSettings> llm(Map<String, String> env) {
    String baseUrl = blankToNull(env.get("LLM_BASE_URL"));
    String apiKey = blankToNull(env.get("LLM_API_KEY"));
    if (baseUrl == null && apiKey == null) {
      return Optional.empty();
    }
    if (baseUrl != null && !baseUrl.matches("https?://.+")) {
      throw new ConfigException("LLM_BASE_URL must be an http(s) URL such as http://localhost:11434/v1, got "
          + baseUrl);
    }
    Duration timeout = parse(env, "LLM_TIMEOUT", "20s", Settings::duration, "a duration such as 20s or PT20S");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException("LLM_TIMEOUT must be longer than zero, got " + timeout);
    }
    return Optional.of(new LlmSettings(
        baseUrl == null ? "https://api.openai.com/v1" : baseUrl,
        // Local servers such as Ollama take any key; the OpenAI client insists on one.
        apiKey == null ? "not-needed" : apiKey,
        env.getOrDefault("LLM_MODEL", "gpt-4o-mini"),
        timeout));
  }

  static Duration duration(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt")) {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    return Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
  }

  private static <T> T parse(Map<String, String> env, String name, String fallback, Function<String, T> parser,
      String expected) {
    String value = Optional.ofNullable(blankToNull(env.get(name))).orElse(fallback);
    try {
      return parser.apply(value.strip());
    } catch (RuntimeException e) {
      throw new ConfigException(name + " must be " + expected + ", got '" + value + "'");
    }
  }

  private static double similarity(Map<String, String> env, String name, double fallback) {
    double value = parse(env, name, String.valueOf(fallback), Double::parseDouble, "a number between 0 and 1");
    if (value < 0 || value > 1) {
      throw new ConfigException(name + " must be between 0 and 1, got " + value);
    }
    return value;
  }

  private static int positive(int value, String name) {
    if (value <= 0) {
      throw new ConfigException(name + " must be greater than 0, got " + value);
    }
    return value;
  }

  /** A readable, collision-safe folder name for the index of one knowledge folder. */
  static String indexName(Path knowledgeDir) {
    Path absolute = knowledgeDir.toAbsolutePath().normalize();
    String name = absolute.getFileName() == null ? "root" : absolute.getFileName().toString();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
      return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A secret as it may appear in logs and {@code config} output. */
  static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "(unset)" : "(set, hidden)";
  }
}
