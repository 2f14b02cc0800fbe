package io.askhr.question;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises questions about personal or delicate matters, which adapters answer privately and which always
 * offer a human at HR. Errs on the side of flagging: a private answer to a general question costs little.
 */
public final class SensitiveTopics {

  /** The kinds of delicate matter recognised. */
  public enum Topic { REDUNDANCY, OWN_PAY, DISMISSAL, PERFORMANCE_PROBLEM, HARASSMENT, WELLBEING }

  private static final Pattern REDUNDANCY = Pattern.compile(
      "\\b(redundan\\w*|lay ?offs?|laid off|laying off|layoff|job cuts?|cutting jobs|headcount reduction|severance"
          + "|at risk of|lose my job|losing my job|my job (is|be) (cut|eliminated|automated)|role (is )?being eliminated"
          + "|abfindung|entlassung\\w*|betriebsbedingt\\w*)\\b");
  /** One's own pay, not pay policy in general: "my salary", "am I underpaid", "why do I earn less". */
  private static final Pattern OWN_PAY = Pattern.compile(
      "\\b(my|mein\\w*)\\s+(\\w+\\s+){0,2}(salary|pay|payslip|bonus|raise|pay rise|compensation|wages?|gehalt|lohn)\\b"
          + "|\\b(i|i'm|im|i am|am i|ich)\\b.{0,30}\\b(underpaid|paid less|paid more|paid fairly|earn less|earn more"
          + "|pay cut|salary cut)\\b");
  private static final Pattern DISMISSAL = Pattern.compile(
      "\\b(fired|firing|fire me|dismiss\\w*|sacked|terminat\\w*|let go|let me go|gross misconduct|disciplinary"
          + "|kündigung|gekündigt)\\b");
  private static final Pattern PERFORMANCE = Pattern.compile(
      "\\b(performance improvement plan|pip|underperform\\w*|poor performance|low performer|performance"
          + " (issue|problem|concern|warning)s?|written warning|final warning|low rating|bad review|failing my)\\b");
  private static final Pattern HARASSMENT = Pattern.compile(
      "\\b(harass\\w*|bull(y|ied|ying)|discriminat\\w*|sexual\\w*|assault\\w*|retaliat\\w*|victimi[sz]\\w*"
          + "|racis\\w*|sexis\\w*|hostile|intimidat\\w*|belästig\\w*|mobbing)\\b");
  private static final Pattern WELLBEING = Pattern.compile(
      "\\b(suicid\\w*|self[- ]harm|burn ?out|breakdown|can't cope|cannot cope|panic attacks?|depress\\w*)\\b");

  private SensitiveTopics() {}

  /** The delicate topics the question touches; empty when none. */
  public static Set<Topic> of(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    if (REDUNDANCY.matcher(q).find()) {
      topics.add(Topic.REDUNDANCY);
    }
    if (OWN_PAY.matcher(q).find()) {
      topics.add(Topic.OWN_PAY);
    }
    if (DISMISSAL.matcher(q).find()) {
      topics.add(Topic.DISMISSAL);
    }
    if (PERFORMANCE.matcher(q).find()) {
      topics.add(Topic.PERFORMANCE_PROBLEM);
    }
    if (HARASSMENT.matcher(q).find()) {
      topics.add(Topic.HARASSMENT);
    }
    if (WELLBEING.matcher(q).find()) {
      topics.add(Topic.WELLBEING);
    }
    return topics;
  }
}
