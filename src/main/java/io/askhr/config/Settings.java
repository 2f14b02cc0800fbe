package io.askhr.config;

import com.google.common.hash.Hashing;
import io.askhr.question.AnswerSettings;
import io.askhr.question.DecisionWeights;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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
 * @param slack absent when no Slack bot token is configured
 * @param audienceMap which chat-platform groups make an employee part of a document audience
 * @param logging the log format and level, read by logback itself and validated here
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
    String company,
    Optional<SlackSettings> slack,
    TeamsSettings teams,
    AudienceMap audienceMap,
    InsightSettings insight,
    Limits limits,
    Logging logging,
    WebSettings web,
    EmbeddingSettings embedding,
    Optional<Path> synonymsFile) {

  /**
   * How AskHR logs; logback reads the same variables (src/main/resources/logback.xml).
   *
   * @param format {@code text} or {@code json} ({@code LOG_FORMAT})
   * @param level root level ({@code LOG_LEVEL}, default INFO)
   */
  public record Logging(String format, String level) {}

  /** The values {@code LOG_FORMAT} may take; each names a logback-FORMAT.xml beside logback.xml. */
  static final List<String> LOG_FORMATS = List.of("text", "json");
  private static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  /**
   * Protection against floods: per-asker rate and the number of answers drafted at once.
   *
   * @param questionsPerMinute per asker ({@code RATE_LIMIT_PER_MINUTE}, default 10)
   * @param concurrentAnswers drafted at once ({@code MAX_CONCURRENT_ANSWERS}, default 16); more wait for a slot
   * @param globalQuestionsPerMinute all askers together ({@code RATE_LIMIT_GLOBAL_PER_MINUTE}, default 600)
   */
  public record Limits(int questionsPerMinute, int concurrentAnswers, int globalQuestionsPerMinute) {}

  /** The shortest HR dashboard token accepted: shorter ones can be guessed. */
  public static final int MIN_DASHBOARD_TOKEN_CHARS = 32;

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
    EmbeddingSettings embedding = embedding(env);
    AnswerSettings answers = new AnswerSettings(
        positive(parse(env, "RETRIEVAL_TOP_K", "6", Integer::parseInt, "a whole number such as 6"), "RETRIEVAL_TOP_K"),
        similarity(env, "RETRIEVAL_MIN_SIMILARITY", embedding.defaultMinSimilarity()),
        similarity(env, "RETRIEVAL_CONFIDENT_SIMILARITY", embedding.defaultConfidentSimilarity()),
        positive(parse(env, "MAX_QUESTION_CHARS", "4000", Integer::parseInt, "a whole number such as 4000"),
            "MAX_QUESTION_CHARS"),
        hrContact,
        decisionWeights(env, embedding.defaultDecisionWeights()));
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
        env.getOrDefault("COMPANY_NAME", "Brightwater Systems"), slack(env), teams(env), audienceMap(env),
        insight(env), new Limits(
            positive(parse(env, "RATE_LIMIT_PER_MINUTE", "10", Integer::parseInt, "a whole number such as 10"),
                "RATE_LIMIT_PER_MINUTE"),
            positive(parse(env, "MAX_CONCURRENT_ANSWERS", "16", Integer::parseInt, "a whole number such as 16"),
                "MAX_CONCURRENT_ANSWERS"),
            positive(parse(env, "RATE_LIMIT_GLOBAL_PER_MINUTE", "600", Integer::parseInt,
                "a whole number such as 600"), "RATE_LIMIT_GLOBAL_PER_MINUTE")), logging(env),
        WebSettings.parse(optional(env, "TRUSTED_PROXIES"), optional(env, "TRUSTED_USER_HEADER")), embedding,
        synonymsFile(env));
  }

  /** Where HR's synonyms live: {@code SYNONYMS_FILE}, else bot/synonyms.txt when present, else the bundled list. */
  private static Optional<Path> synonymsFile(Map<String, String> env) {
    Optional<Path> configured = optional(env, "SYNONYMS_FILE").map(Path::of);
    if (configured.isPresent() && !Files.isRegularFile(configured.get())) {
      throw new ConfigException("SYNONYMS_FILE " + configured.get().toAbsolutePath() + " is not a readable file");
    }
    return configured.or(() -> Optional.of(Path.of("bot", "synonyms.txt")).filter(Files::isRegularFile));
  }

  private static EmbeddingSettings embedding(Map<String, String> env) {
    Optional<String> baseUrl = optional(env, "EMBEDDING_BASE_URL");
    Optional<String> apiKey = optional(env, "EMBEDDING_API_KEY");
    Optional<String> model = optional(env, "EMBEDDING_MODEL");
    if (baseUrl.isPresent()) {
      if (!baseUrl.get().matches("https?://.+")) {
        throw new ConfigException("EMBEDDING_BASE_URL must be an http(s) URL such as http://localhost:8080/v1, got "
            + baseUrl.get());
      }
      if (model.isEmpty()) {
        throw new ConfigException("EMBEDDING_BASE_URL is set: EMBEDDING_MODEL must name the endpoint's model, such as"
            + " bge-m3 or text-embedding-3-small");
      }
      return new EmbeddingSettings(model.get(), baseUrl, apiKey);
    }
    if (apiKey.isPresent()) {
      throw new ConfigException("EMBEDDING_API_KEY is set but EMBEDDING_BASE_URL is not: set both for a remote"
          + " embedding model, or neither for the in-process one");
    }
    String name = model.orElse(EmbeddingSettings.DEFAULT_MODEL).toLowerCase(Locale.ROOT);
    if (!EmbeddingSettings.IN_PROCESS.contains(name)) {
      throw new ConfigException("EMBEDDING_MODEL must be one of " + String.join(", ", EmbeddingSettings.IN_PROCESS)
          + " (or a remote model's name with EMBEDDING_BASE_URL), got '" + model.orElse("") + "'");
    }
    return new EmbeddingSettings(name, Optional.empty(), Optional.empty());
  }

  private static Logging logging(Map<String, String> env) {
    String format = optional(env, "LOG_FORMAT").orElse("text");
    if (!LOG_FORMATS.contains(format)) {
      throw new ConfigException("LOG_FORMAT must be text or json, got '" + format + "'");
    }
    String level = optional(env, "LOG_LEVEL").orElse("INFO");
    if (!LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
      throw new ConfigException("LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS) + ", got '" + level + "'");
    }
    return new Logging(format, level.toUpperCase(Locale.ROOT));
  }

  /**
   * The effective value of every environment variable AskHR reads, in a stable order, with secrets masked: what
   * {@code askhr config} prints.
   */
  public Map<String, String> describe() {
    return SettingsDescription.of(this);
  }

  private static Optional<SlackSettings> slack(Map<String, String> env) {
    Optional<String> botToken = optional(env, "SLACK_BOT_TOKEN");
    Optional<String> signingSecret = optional(env, "SLACK_SIGNING_SECRET");
    Optional<String> appToken = optional(env, "SLACK_APP_TOKEN");
    if (botToken.isEmpty()) {
      if (signingSecret.isPresent() || appToken.isPresent()) {
        throw new ConfigException("SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: the bot"
            + " needs its xoxb- token to reply");
      }
      return Optional.empty();
    }
    if (signingSecret.isEmpty() && appToken.isEmpty()) {
      throw new ConfigException("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (Events API over HTTP) nor"
          + " SLACK_APP_TOKEN (Socket Mode) is: Slack could not deliver any event");
    }
    if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
      throw new ConfigException("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    }
    Optional<String> apiUrl = optional(env, "SLACK_API_URL").map(url -> url.endsWith("/") ? url : url + "/");
    if (apiUrl.isPresent() && !apiUrl.get().matches("https?://.+")) {
      throw new ConfigException("SLACK_API_URL must be an http(s) URL such as https://slack.com/api/");
    }
    return Optional.of(new SlackSettings(botToken.get(), signingSecret, appToken, apiUrl,
        optional(env, "HR_ESCALATION_CHANNEL")));
  }

  private static TeamsSettings teams(Map<String, String> env) {
    String appType = env.getOrDefault("MICROSOFT_APP_TYPE", "SingleTenant").strip();
    if (!appType.equals("SingleTenant") && !appType.equals("MultiTenant")) {
      throw new ConfigException("MICROSOFT_APP_TYPE must be SingleTenant or MultiTenant, got '" + appType + "'");
    }
    String appId = optional(env, "MICROSOFT_APP_ID").orElse("");
    String tenantId = optional(env, "MICROSOFT_APP_TENANT_ID").orElse("");
    if (!appId.isEmpty() && optional(env, "MICROSOFT_APP_PASSWORD").isEmpty()) {
      throw new ConfigException("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not");
    }
    if (appId.isEmpty() && (optional(env, "MICROSOFT_APP_PASSWORD").isPresent() || !tenantId.isEmpty())) {
      throw new ConfigException("MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID is"
          + " not: without an app id /api/messages would not check who is calling");
    }
    boolean allowUnauthenticated = parse(env, "TEAMS_ALLOW_UNAUTHENTICATED", "false", Settings::bool,
        "true or false");
    if (allowUnauthenticated && !appId.isEmpty()) {
      throw new ConfigException("TEAMS_ALLOW_UNAUTHENTICATED=true is only for the Agents Playground or the Emulator,"
          + " without MICROSOFT_APP_ID; unset it when the bot has an app id");
    }
    if (!appId.isEmpty() && appType.equals("SingleTenant") && tenantId.isEmpty()) {
      throw new ConfigException("MICROSOFT_APP_TYPE is SingleTenant but MICROSOFT_APP_TENANT_ID is not set");
    }
    String loginUrl = url(env, "MICROSOFT_LOGIN_URL", TeamsSettings.DEFAULT_LOGIN_URL);
    String openIdMetadataUrl = url(env, "MICROSOFT_OPENID_METADATA_URL", TeamsSettings.DEFAULT_OPENID_METADATA_URL);
    boolean graphLookup = parse(env, "TEAMS_GRAPH_GROUPS", "false", Settings::bool, "true or false");
    if (graphLookup && appId.isEmpty()) {
      throw new ConfigException("TEAMS_GRAPH_GROUPS=true needs MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and"
          + " MICROSOFT_APP_TENANT_ID: the bot reads group membership from Microsoft Graph with its own identity");
    }
    Optional<String> graphUrl = graphLookup
        ? Optional.of(url(env, "GRAPH_API_URL", "https://graph.microsoft.com")) : Optional.empty();
    return new TeamsSettings(appId, optional(env, "MICROSOFT_APP_PASSWORD").orElse(""), tenantId, appType,
        optional(env, "HR_ESCALATION_TEAMS_CONVERSATION"), loginUrl, openIdMetadataUrl, graphUrl,
        allowUnauthenticated);
  }

  private static String url(Map<String, String> env, String name, String fallback) {
    String value = optional(env, name).orElse(fallback);
    if (!value.matches("https?://.+")) {
      throw new ConfigException(name + " must be an http(s) URL, got '" + value + "'");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  private static AudienceMap audienceMap(Map<String, String> env) {
    Optional<Path> configured = optional(env, "AUDIENCES_FILE").map(Path::of);
    if (configured.isPresent()) {
      if (!Files.isRegularFile(configured.get())) {
        throw new ConfigException("AUDIENCES_FILE points to " + configured.get() + ", which is not a file");
      }
      return AudienceMap.read(configured.get());
    }
    Path shipped = Path.of("bot", "audiences.yml");
    return Files.isRegularFile(shipped) ? AudienceMap.read(shipped) : AudienceMap.none();
  }

  private static InsightSettings insight(Map<String, String> env) {
    Optional<String> databaseUrl = optional(env, "DATABASE_URL");
    if (databaseUrl.isPresent() && !databaseUrl.get().startsWith("jdbc:postgresql:")) {
      throw new ConfigException("DATABASE_URL must be a PostgreSQL JDBC URL such as"
          + " jdbc:postgresql://db:5432/askhr?user=askhr&password=...");
    }
    Duration retention = parse(env, "INSIGHT_RETENTION", "90d", Settings::days, "a number of days such as 90d");
    if (retention.isNegative() || retention.isZero()) {
      throw new ConfigException("INSIGHT_RETENTION must be longer than zero, got " + retention);
    }
    Optional<String> dashboardToken = optional(env, "HR_DASHBOARD_TOKEN");
    if (dashboardToken.isPresent() && dashboardToken.get().length() < MIN_DASHBOARD_TOKEN_CHARS) {
      throw new ConfigException("HR_DASHBOARD_TOKEN must be at least " + MIN_DASHBOARD_TOKEN_CHARS + " characters"
          + " (got " + dashboardToken.get().length() + "); generate one with: openssl rand -hex 32");
    }
    return new InsightSettings(databaseUrl, optional(env, "INSIGHT_SALT"), retention, dashboardToken);
  }

  /** Days as {@code 90d} or {@code 90}, or any {@link #duration} form. */
  static Duration days(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.matches("\\d+d?")) {
      return Duration.ofDays(Long.parseLong(v.replace("d", "")));
    }
    return duration(v);
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    return Optional.ofNullable(blankToNull(env.get(name))).map(String::strip);
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
        apiKey == null ? LlmSettings.NO_KEY : apiKey,
        env.getOrDefault("LLM_MODEL", "gpt-4o-mini"),
        timeout,
        positive(parse(env, "LLM_MAX_CONCURRENCY", "8", Integer::parseInt, "a whole number such as 8"),
            "LLM_MAX_CONCURRENCY")));
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

  /** The answer / hedge / not-covered rule's constants: the model's defaults, each overridable. */
  private static DecisionWeights decisionWeights(Map<String, String> env, DecisionWeights d) {
    return new DecisionWeights(similarity(env, "ANSWER_COVERAGE_WEIGHT", d.coverageWeight()),
        similarity(env, "ANSWER_AGREEMENT_BONUS", d.agreementBonus()),
        similarity(env, "ANSWER_HEDGE_MARGIN", d.hedgeMargin()),
        similarity(env, "ANSWER_VECTOR_RANK_PENALTY", d.vectorRankPenalty()),
        similarity(env, "ANSWER_LEXICAL_RANK_PENALTY", d.lexicalRankPenalty()));
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
    byte[] digest = Hashing.sha256().hashString(absolute.toString(), StandardCharsets.UTF_8).asBytes();
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(digest, 0, 4);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A secret as it may appear in logs and {@code config} output. */
  static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "(unset)" : "(set, hidden)";
  }
}
