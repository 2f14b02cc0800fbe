package io.askhr.question;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every fixed sentence AskHR says, in the employee's language: {@code messages/askhr*.properties} (UTF-8), English
 * as the base. Placeholders are named, {@code {hr_contact}}, so that translators need not escape apostrophes.
 */
public final class Messages {

  /** The languages with a complete bundle, English first: the detector chooses among these only. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
      Locale.forLanguageTag("es"), Locale.forLanguageTag("nl"), Locale.forLanguageTag("sv"));

  static final String BUNDLE = "messages/askhr";

  public static final String NOT_COVERED = "answer.not_covered";
  public static final String CLOSEST_PASSAGES = "answer.closest_passages";
  public static final String QUOTED_INTRO = "answer.quoted_intro";
  public static final String APPROVED_POLICY_WORDS = "answer.approved_policy_words";
  public static final String SENSITIVE_NOTE = "answer.sensitive_note";
  public static final String USAGE_HINT = "answer.usage_hint";
  public static final String SEARCH_UNAVAILABLE = "answer.search_unavailable";
  public static final String NOTICE_SHORTENED = "notice.shortened";
  public static final String NOTICE_MODEL_UNAVAILABLE = "notice.model_unavailable";
  public static final String NOTICE_POLICIES_IN_ENGLISH = "notice.policies_in_english";
  public static final String BUTTON_HELPFUL = "button.helpful";
  public static final String BUTTON_NOT_HELPFUL = "button.not_helpful";
  public static final String BUTTON_TALK_TO_HR = "button.talk_to_hr";
  public static final String BUTTON_SHARE = "button.share";
  public static final String LABEL_SOURCES = "label.sources";
  public static final String LABEL_APPROVED_BY_HR = "label.approved_by_hr";
  public static final String LABEL_AI_GENERATED = "label.ai_generated";
  public static final String LABEL_EFFECTIVE = "label.effective";
  public static final String LABEL_PAGE = "label.page";
  public static final String ANSWER_SHORTENED_SEE_SOURCES = "answer.shortened_see_sources";
  public static final String THANKS_HELPFUL = "feedback.thanks_helpful";
  public static final String THANKS_NOT_HELPFUL = "feedback.thanks_not_helpful";
  public static final String ESCALATION_NO_CHANNEL = "escalation.no_channel";
  public static final String ESCALATION_PASSED = "escalation.passed";
  public static final String ESCALATION_UNREACHABLE = "escalation.unreachable";
  public static final String WELCOME = "welcome.greeting";
  public static final String WELCOME_TEAMS_MENTION = "welcome.teams_mention";
  public static final String SUGGESTED_PROMPTS = "welcome.suggested_prompts";
  public static final String STATUS_SEARCHING = "status.searching";
  public static final String STATUS_CHECKING = "status.checking";
  /** Teams' informative update opening a streamed answer: a sentence of its own, unlike Slack's status line. */
  public static final String STREAM_SEARCHING = "stream.searching";

  private final Locale language;
  private final ResourceBundle bundle;

  private Messages(Locale language, ResourceBundle bundle) {
    this.language = language;
    this.bundle = bundle;
  }

  /** The messages in {@code language}, or in English when AskHR has no bundle for it. */
  public static Messages of(Locale language) {
    Locale supported = supported(language);
    // No fallback to the JVM's default locale: a server started in German must still answer English in English.
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Messages(supported, bundle);
  }

  /** {@code language} reduced to one of {@link #LANGUAGES} (its language part), or English. */
  public static Locale supported(Locale language) {
    return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language.getLanguage())).findFirst()
        .orElse(Locale.ENGLISH);
  }

  public Locale language() {
    return language;
  }

  public boolean isEnglish() {
    return language.equals(Locale.ENGLISH);
  }

  /** The message for {@code key}; a missing key is a build defect and throws (the bundle test guards it). */
  public String get(String key) {
    return bundle.getString(key);
  }

  /** The message for {@code key} with each {@code {name}} replaced by its value. */
  public String get(String key, Map<String, ?> values) {
    String text = get(key);
    for (Map.Entry<String, ?> v : values.entrySet()) {
      text = text.replace("{" + v.getKey() + "}", String.valueOf(v.getValue()));
    }
    return text;
  }
}
