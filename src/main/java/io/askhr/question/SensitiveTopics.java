package io.askhr.question;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises questions about personal or delicate matters, which adapters answer privately and which always
 * offer a human at HR. Errs on the side of flagging: a private answer to a general question costs little.
 */
final class SensitiveTopics {

  /** The kinds of delicate matter recognised, each with the words that give it away (English and German). */
  enum Topic {
    REDUNDANCY("redundan\\w*|lay ?offs?|laid off|laying off|job cuts?|cutting jobs|headcount reduction|severance"
        + "|at risk of|lose my job|losing my job|my job (is|be) (cut|eliminated|automated)|role (is )?being eliminated"
        + "|abfindung|entlassung\\w*|betriebsbedingt\\w*"),
    /** One's own pay, not pay policy in general: "my salary", "am I underpaid", "why do I earn less". */
    OWN_PAY("(my|mein\\w*)\\s+(\\w+\\s+){0,2}(salary|pay|payslip|bonus|raise|pay rise|compensation|wages?|gehalt|lohn)"
        + "|(i|i'm|im|i am|am i|ich)\\b.{0,30}\\b(underpaid|paid less|paid more|paid fairly|earn less|earn more"
        + "|pay cut|salary cut)"),
    DISMISSAL("fired|firing|fire me|dismiss\\w*|sacked|terminat\\w*|let go|let me go|gross misconduct|disciplinary"
        + "|kündigung|gekündigt"),
    PERFORMANCE_PROBLEM("performance improvement plan|pip|underperform\\w*|poor performance|low performer"
        + "|performance (issue|problem|concern|warning)s?|written warning|final warning|low rating|bad review"
        + "|failing my"),
    HARASSMENT("harass\\w*|bull(y|ied|ying)|discriminat\\w*|sexual\\w*|assault\\w*|retaliat\\w*|victimi[sz]\\w*"
        + "|racis\\w*|sexis\\w*|hostile|intimidat\\w*|belästig\\w*|mobbing"),
    WELLBEING("suicid\\w*|self[- ]harm|burn(t|ed)? ?out|breakdown|can't cope|cannot cope|panic attacks?|depress\\w*");

    private final Pattern words;

    Topic(String alternatives) {
      // Unicode word boundaries, so that "kündigung" is a word too.
      this.words = Pattern.compile("\\b(" + alternatives + ")\\b", Pattern.UNICODE_CHARACTER_CLASS);
    }
  }

  private SensitiveTopics() {}

  /** The delicate topics the question touches; empty when none. */
  static Set<Topic> of(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    for (Topic topic : Topic.values()) {
      if (topic.words.matcher(q).find()) {
        topics.add(topic);
      }
    }
    return topics;
  }
}
