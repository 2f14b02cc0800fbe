package io.askhr.question;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keyword rules for questions about personal or delicate matters, which adapters answer privately and which always
 * offer a human at HR. Some words are delicate whoever asks ("harassment", "disciplinary"); others ("redundancy",
 * "severance", "performance improvement plan") are delicate only when the asker speaks of themselves, since "how is
 * severance calculated?" is a policy question. {@link SensitiveClassifier} adds HR's examples to these rules.
 */
final class SensitiveTopics {

  /**
   * The asker speaks of themselves (English, German, French). NOTE: "we" and "our" are left out: "our severance
   * policy" is the company's.
   */
  private static final Pattern PERSONAL = Pattern.compile("\\b(i|i'm|im|i've|i'd|i'll|me|my|mine|myself"
      + "|ich|mir|mich|mein|meine|meinen|meinem|meiner|meines|je|moi|mon|ma|mes)\\b|\\b[jm]'",
      Pattern.UNICODE_CHARACTER_CLASS);

  /** The kinds of delicate matter recognised, with the words that give each away (English, German, French). */
  enum Topic {
    REDUNDANCY("lose my job|losing my job|my job (is|be) (cut|eliminated|automated)|my role (is )?being eliminated",
        "redundan\\w*|lay ?offs?|laid off|laying off|job cuts?|cutting jobs|headcount reduction|severance"
            + "|at risk of|at-risk|abfindung|entlassung\\w*|entlassen|betriebsbedingt\\w*|stelle \\w+ wegfallen"
            + "|poste (va|est|sera) \\w*|supprim\\w*|menac\\w*"),
    /** One's own pay, not pay policy in general: "my salary", "am I underpaid", "why do I earn less". */
    OWN_PAY("(my|mein\\w*|mon|ma|mes)\\s+(\\w+\\s+){0,2}(salary|pay|payslip|bonus|raise|pay rise|compensation"
        + "|wages?|merit increase|gehalt|lohn|salaire|prime|rémunération)"
        + "|(i|i'm|im|i am|am i|ich)\\b.{0,30}\\b(underpaid|paid less|paid more|paid fairly|earn less|earn more"
        + "|pay cut|salary cut|verdiene)", ""),
    DISMISSAL("fired|firing|fire me|sacked|gross misconduct|disciplinary|let me go|kündigung|gekündigt",
        "dismiss\\w*|terminat\\w*|let go|misconduct|licenci\\w*|kündigen"),
    PERFORMANCE_PROBLEM("written warning|final warning",
        "performance improvement plan|pip|underperform\\w*|poor performance|low performer"
            + "|performance (issue|problem|concern|warning)s?|low rating|bad review|failing my|not up to standard"
            + "|leistung reicht nicht|résultats sont insuffisants"),
    HARASSMENT("harass\\w*|bull(y|ied|ying)|assault\\w*|racis\\w*|sexis\\w*|intimidat\\w*|belästig\\w*|mobbing"
        + "|schikan\\w*|harc[eè]l\\w*|humili\\w*",
        "discriminat\\w*|retaliat\\w*|victimi[sz]\\w*|sexual\\w*|hostile|diskriminier\\w*|mock(s|ed|ing)?"
            + "|make fun of|makes fun of|making fun of"),
    WELLBEING("suicid\\w*|self[- ]harm|hurt(ing)? myself|kill myself|burn(t|ed|ing)? ?out|burn-out|breakdown"
        + "|can't cope|cannot cope|panic attacks?|depress\\w*|panikattacke\\w*|erschöpft", ""),
    /** Pregnancy or family leave together with a reorganisation: extra protections, and much at stake. */
    FAMILY_IN_REORGANISATION("", "");

    private final Pattern always;
    private final Pattern whenPersonal;

    Topic(String always, String whenPersonal) {
      this.always = words(always);
      this.whenPersonal = words(whenPersonal);
    }

    boolean matches(String question, boolean personal) {
      if (this == FAMILY_IN_REORGANISATION) {
        return FAMILY.matcher(question).find() && REORGANISATION.matcher(question).find();
      }
      return found(always, question) || (personal && found(whenPersonal, question));
    }
  }

  private static final Pattern FAMILY = words("pregnan\\w*|expecting|maternity|paternity|parental leave"
      + "|adoption leave|schwanger\\w*|elternzeit|mutterschutz|enceinte|congé (maternité|paternité|parental)");
  private static final Pattern REORGANISATION = words("redundan\\w*|at risk|at-risk|restructur\\w*|reorgani[sz]\\w*"
      + "|selection pool|laid off|lay ?offs?|job cuts?|consultation|entlass\\w*|umstrukturierung|stelle"
      + "|plan social|poste|licenci\\w*");

  private SensitiveTopics() {}

  /** The delicate topics the question touches; empty when none. */
  static Set<Topic> of(String question) {
    String q = question.toLowerCase(Locale.ROOT).replace('’', '\'');
    boolean personal = PERSONAL.matcher(q).find();
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    for (Topic topic : Topic.values()) {
      if (topic.matches(q, personal)) {
        topics.add(topic);
      }
    }
    return topics;
  }

  /** Whether the asker speaks of themselves ("my", "I", "ich", "mon"...). */
  static boolean personal(String question) {
    return PERSONAL.matcher(question.toLowerCase(Locale.ROOT).replace('’', '\'')).find();
  }

  private static Pattern words(String alternatives) {
    // Unicode word boundaries, so that "kündigung" is a word too; an empty list matches nothing.
    return Pattern.compile(alternatives.isEmpty() ? "(?!)" : "\\b(" + alternatives + ")\\b",
        Pattern.UNICODE_CHARACTER_CLASS);
  }

  private static boolean found(Pattern pattern, String question) {
    return pattern.matcher(question).find();
  }
}
