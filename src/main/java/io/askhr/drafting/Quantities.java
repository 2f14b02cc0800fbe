package io.askhr.drafting;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kind of figure a question asks for, and whether a policy line states one of that kind: "how long do I have to
 * appeal" wants a period or a date, so a line with "within 15 working days" answers it and a table row with "30% to
 * 60%" does not.
 */
enum Quantities {
  /**
   * A period, a deadline or a date: "how long", "how soon", "when" opening a question or a clause (not "what happens
   * when ..."), "how many days", "wie lange", "quand".
   */
  TIME,
  /** Any other amount, count or limit: "how much", "how many", "what is the maximum". */
  FIGURE,
  /**
   * How an amount is worked out: "how is severance calculated", "how is the pool worked out", "wie wird die
   * Abfindung berechnet"; a line answers it with its formula or rule ("= ... × ...", "the smaller of", "per year of
   * service", "% of").
   */
  CALCULATION;

  private static final Pattern ASKS_TIME = Pattern.compile("(?i)\\b(?:how (?:long|soon|fast|quickly)|deadline"
      + "|how\\s+(?:many\\s+)?(?:\\w+\\s+)?(?:days|weeks|months|years|hours)|wie lange|wann"
      + "|wie viele\\s+\\w*(?:tage|wochen|monate)|combien de (?:jours|semaines|mois)|quand|délai)\\b"
      + "|(?:^|[,;.?!]|\\b(?:and|but|so|by|until|since))\\s*when\\b");
  private static final Pattern ASKS_FIGURE = Pattern.compile(
      "(?i)\\b(?:how (?:much|many|often|far|big|wide|high|low|large|small|old)"
          + "|what(?:'s| is) the (?:max|maximum|min|minimum|limit|rate|amount|number|cap)|max|min|wie viele?"
          + "|combien)\\b");
  private static final String NUMBER =
      "(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)";
  private static final String MONTHS = "(?:" + MonthRanges.MONTH_NAMES + ")";
  /**
   * "15 working days", "six-month window", "30 Tage", "1 April", "March 31", "on the first day", "the 25th",
   * "by Friday", "immediately".
   */
  private static final Pattern STATES_TIME = Pattern.compile("(?i)\\b" + NUMBER + "[\\s-]+(?:\\w+\\s+)?"
      + "(?:days?|weeks?|months?|years?|hours?|minutes?|tage?n?|wochen|monate?n?|jahre?n?|jours?|semaines?|mois|ans?)"
      + "\\b"
      + "|\\b(?:first|same|next|last|following)\\s+(?:working\\s+|calendar\\s+)?(?:day|week|month)\\b"
      + "|\\b(?:immediately|as soon as|start time|end of (?:the )?(?:day|week|month|year))\\b"
      + "|\\b\\d{1,2}(?:st|nd|rd|th)\\b|\\b(?:monday|tuesday|wednesday|thursday|friday)s?\\b"
      + "|\\b\\d{1,2}\\s+" + MONTHS + "\\b|\\b" + MONTHS + "\\s+\\d{1,2}\\b");
  private static final Pattern ASKS_CALCULATION = Pattern.compile("(?iU)\\b(?:calculat\\w*|work(?:ed|s)? out"
      + "|comput(?:e|ed|es|ing|ation)|formula|berechne\\w*|berechnung|errechne\\w*|calcul\\w*)\\b");
  private static final Pattern STATES_CALCULATION = Pattern.compile("(?iu)[=×÷]|\\d\\s*[x*/]\\s*\\d"
      + "|\\b(?:the (?:smaller|greater|larger|higher|lower) of|multiplied by|divided by|in proportion to"
      + "|pro[- ]rat\\w*|per (?:complete(?:d)? )?years? of service|for (?:each|every) (?:complete(?:d)? )?years?)\\b"
      + "|%\\s+of\\b");
  private static final Pattern STATES_FIGURE = Pattern.compile(
      "(?i)\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twice|half|once)\\b");

  /** The kind of figure the question asks for, if it asks for one. */
  static Optional<Quantities> askedBy(String question) {
    if (ASKS_TIME.matcher(question).find()) {
      return Optional.of(TIME);
    }
    if (ASKS_CALCULATION.matcher(question).find()) {
      return Optional.of(CALCULATION);
    }
    return ASKS_FIGURE.matcher(question).find() ? Optional.of(FIGURE) : Optional.empty();
  }

  /** Whether the line states a figure of this kind. */
  boolean statedIn(String line) {
    Pattern states = switch (this) {
      case TIME -> STATES_TIME;
      case FIGURE -> STATES_FIGURE;
      case CALCULATION -> STATES_CALCULATION;
    };
    return states.matcher(line).find();
  }
}
