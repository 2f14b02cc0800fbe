package io.askhr.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link Settings} as one line per environment variable, secrets masked, for {@code askhr config}. */
final class SettingsDescription {

  private static final String UNSET = "(unset)";

  private SettingsDescription() {}

  static Map<String, String> of(Settings s) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("KNOWLEDGE_DIR", s.knowledgeDir().toAbsolutePath().toString());
    out.put("DATA_DIR", s.dataDir().toAbsolutePath().toString());
    out.put("INDEX_DIR", s.indexDir().toAbsolutePath().toString());
    out.put("HOST", s.host());
    out.put("PORT", String.valueOf(s.port()));
    out.put("COMPANY_NAME", s.company());
    out.put("HR_CONTACT", s.answers().hrContact());
    out.put("RETRIEVAL_TOP_K", String.valueOf(s.answers().topK()));
    out.put("RETRIEVAL_MIN_SIMILARITY", String.valueOf(s.answers().minSimilarity()));
    out.put("RETRIEVAL_CONFIDENT_SIMILARITY", String.valueOf(s.answers().confidentSimilarity()));
    out.put("ANSWER_COVERAGE_WEIGHT", String.valueOf(s.answers().decision().coverageWeight()));
    out.put("ANSWER_AGREEMENT_BONUS", String.valueOf(s.answers().decision().agreementBonus()));
    out.put("ANSWER_HEDGE_MARGIN", String.valueOf(s.answers().decision().hedgeMargin()));
    out.put("ANSWER_VECTOR_RANK_PENALTY", String.valueOf(s.answers().decision().vectorRankPenalty()));
    out.put("ANSWER_LEXICAL_RANK_PENALTY", String.valueOf(s.answers().decision().lexicalRankPenalty()));
    out.put("MAX_QUESTION_CHARS", String.valueOf(s.answers().maxQuestionChars()));
    out.put("MAX_FILE_MB", String.valueOf(s.maxFileBytes() / 1024 / 1024));
    out.put("RATE_LIMIT_PER_MINUTE", String.valueOf(s.limits().questionsPerMinute()));
    out.put("MAX_CONCURRENT_ANSWERS", String.valueOf(s.limits().concurrentAnswers()));
    out.put("RATE_LIMIT_GLOBAL_PER_MINUTE", String.valueOf(s.limits().globalQuestionsPerMinute()));
    out.put("TRUSTED_PROXIES", s.web().trustedProxies().isEmpty()
        ? "(unset: X-Forwarded-For ignored, askers told apart by their own address)"
        : String.join(",", s.web().trustedProxies()));
    out.put("TRUSTED_USER_HEADER", s.web().userHeader().orElse("(unset: no single sign-on in front)"));
    llm(s, out);
    slack(s, out);
    teams(s.teams(), out);
    out.put("AUDIENCES_FILE", s.audienceMap().audiences().size() + " audiences, " + s.audienceMap().countries().size()
        + " countries mapped");
    InsightSettings insight = s.insight();
    out.put("DATABASE_URL", insight.databaseUrl().map(InsightSettings::withoutCredentials)
        .orElse("(unset: SQLite in DATA_DIR)"));
    out.put("INSIGHT_SALT", insight.salt().isPresent() ? Settings.mask(insight.salt().get())
        : "(unset: generated and kept in DATA_DIR)");
    out.put("INSIGHT_RETENTION", insight.retention().toDays() + "d");
    out.put("HR_DASHBOARD_TOKEN", insight.dashboardToken().isPresent() ? Settings.mask(insight.dashboardToken().get())
        : "(unset: /hr is off)");
    EmbeddingSettings embedding = s.embedding();
    out.put("EMBEDDING_MODEL", embedding.model());
    out.put("EMBEDDING_BASE_URL", embedding.baseUrl().map(LlmSettings::origin).orElse("(unset: in-process model)"));
    out.put("EMBEDDING_API_KEY", embedding.apiKey().map(Settings::mask).orElse(UNSET));
    out.put("SYNONYMS_FILE", s.synonymsFile().map(p -> p.toAbsolutePath().toString())
        .orElse("(unset: the bundled starter list)"));
    out.put("LOG_FORMAT", s.logging().format());
    out.put("LOG_LEVEL", s.logging().level());
    return out;
  }

  private static void llm(Settings s, Map<String, String> out) {
    Optional<LlmSettings> llm = s.llm();
    String off = "(unused: no LLM, answers quote policy)";
    out.put("LLM_BASE_URL", llm.map(l -> LlmSettings.origin(l.baseUrl()))
        .orElse("(unset: no LLM, answers quote policy)"));
    out.put("LLM_API_KEY", llm.map(l -> l.apiKey().equals(LlmSettings.NO_KEY) ? "(unset: local model servers need none)"
        : Settings.mask(l.apiKey())).orElse(off));
    out.put("LLM_MODEL", llm.map(LlmSettings::model).orElse(off));
    out.put("LLM_TIMEOUT", llm.map(l -> l.timeout().toSeconds() + "s").orElse(off));
    out.put("LLM_MAX_CONCURRENCY", llm.map(l -> String.valueOf(l.maxConcurrent())).orElse(off));
  }

  private static void slack(Settings s, Map<String, String> out) {
    Optional<SlackSettings> slack = s.slack();
    out.put("SLACK_BOT_TOKEN", slack.map(c -> Settings.mask(c.botToken())).orElse("(unset: Slack is off)"));
    out.put("SLACK_SIGNING_SECRET", slack.flatMap(SlackSettings::signingSecret).map(Settings::mask).orElse(UNSET));
    out.put("SLACK_APP_TOKEN", slack.flatMap(SlackSettings::appToken).map(Settings::mask).orElse(UNSET));
    out.put("SLACK_API_URL", slack.flatMap(SlackSettings::apiUrl).map(LlmSettings::origin)
        .orElse("(default: https://slack.com/api/)"));
    out.put("HR_ESCALATION_CHANNEL", slack.flatMap(SlackSettings::escalationChannel).orElse(UNSET));
  }

  private static void teams(TeamsSettings t, Map<String, String> out) {
    out.put("MICROSOFT_APP_ID", !t.localMode() ? t.appId() : t.allowUnauthenticated()
        ? "(unset: Teams runs in local mode, unauthenticated, replies to loopback only)"
        : "(unset: /api/messages refuses every request)");
    out.put("MICROSOFT_APP_PASSWORD", t.localMode() ? UNSET : Settings.mask(t.appPassword()));
    out.put("MICROSOFT_APP_TENANT_ID", t.tenantId().isBlank() ? UNSET : t.tenantId());
    out.put("MICROSOFT_APP_TYPE", t.appType());
    out.put("MICROSOFT_LOGIN_URL", t.loginUrl());
    out.put("MICROSOFT_OPENID_METADATA_URL", t.openIdMetadataUrl());
    out.put("TEAMS_GRAPH_GROUPS", String.valueOf(t.graphUrl().isPresent()));
    out.put("GRAPH_API_URL", t.graphUrl().orElse("(unused: TEAMS_GRAPH_GROUPS is false)"));
    out.put("HR_ESCALATION_TEAMS_CONVERSATION", t.escalationConversation().isPresent() ? "(set)" : UNSET);
    out.put("TEAMS_ALLOW_UNAUTHENTICATED", String.valueOf(t.allowUnauthenticated()));
  }
}
