package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.Synonyms;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extractive composer on sections with introductions, headings, tables, question-shaped lines and navigation. */
class ExtractiveDrafterTest {

  private final ExtractiveDrafter drafter = new ExtractiveDrafter(TestModels.local());

  private static PolicyPassage passage(String id, String title, List<String> headings, String text) {
    return new PolicyPassage(id, id.replaceFirst("#.*", ""), title, headings, 0, Optional.empty(), Set.of("everyone"),
        Set.of(), Optional.empty(), text);
  }

  private static final PolicyPassage RENEWAL = passage("contracts.md#2", "Fixed-term contracts",
      List.of("Fixed-term contracts", "Renewal"), """
          This section explains how fixed-term contracts are reviewed before they end.
          Back to top
          - How long will the employee's term be renewed for?
          - Who decides on the renewal?
          Renewal and extensions
          A fixed-term contract can be renewed once for up to 12 months. The manager asks the People Partner at least 6 weeks before the end date. This renewal needs the Vice President's approval when the role is L6 or above.
          See Hiring freeze and exceptions.""");

  private static final PolicyPassage NOTICE = passage("notice.md#1", "Notice periods",
      List.of("Notice periods", "United Kingdom", "Notice the company gives"), """
          Level | Notice
          L1 – L3 — Notice: 1 month.
          L4 – L5 — Notice: 2 months.
          L6 – L8 — Notice: 3 months.""");

  private static final PolicyPassage PROTECTION = passage("redeploy.md#6", "Redeployment",
      List.of("Redeployment", "Pay protection"), """
          If you are redeployed to a role at a lower level, your pay is protected:
          Period after the move: Months 1 – 12; Base salary: Your previous base salary in full.
          Period after the move: Months 13 – 18; Base salary: New base salary plus 50% of the difference.
          Pay protection does not apply if you choose a lower-level role yourself.""");

  private static Draft ask(String question, PolicyPassage... sources) {
    return new ExtractiveDrafter(TestModels.local())
        .draft(new DraftRequest(question, question, List.of(sources), false));
  }

  private static List<String> quoted(Draft draft) {
    return draft.text().lines().filter(l -> l.startsWith("> ")).toList();
  }

  private static final PolicyPassage DIVIDEND = passage("dividend.md#3", "Automation dividend",
      List.of("Automation dividend", "Leaving the company"), """
          The dividend is paid each March to everyone on the payroll that month.
          The dividend share is set by the pay committee in February.
          Employees whose redundancy takes effect between 1 January and 31 March receive their share pro rata.""");

  @Test
  void shouldMatchALineByHrSynonymsOfTheQuestionsWords(@TempDir Path temp) throws Exception {
    // given: HR's synonyms say that being laid off is redundancy
    Path file = temp.resolve("synonyms.txt");
    Files.writeString(file, "laid off => redundancy\n");
    String question = "if I am laid off, do I still get my dividend?";
    DraftRequest request = new DraftRequest(question, question, List.of(DIVIDEND), false);

    // when
    Draft plain = new ExtractiveDrafter(TestModels.local()).draft(request);
    Draft withSynonyms = new ExtractiveDrafter(TestModels.local(), Synonyms.load(file)).draft(request);

    // then: the redundancy line answers; without the synonyms another dividend line came first
    assertFalse(quoted(plain).get(0).contains("redundancy"), plain.text());
    assertTrue(quoted(withSynonyms).get(0).contains("redundancy"), withSynonyms.text());
  }

  @Test
  void shouldCountAWordWithManySynonymsOnceWhicheverOfThemALineUses(@TempDir Path temp) throws Exception {
    // given: six words for one thing; the line that answers uses one of them, the other shares the question's word
    Path file = temp.resolve("synonyms.txt");
    Files.writeString(file, "rif, reduction in force, layoff, layoffs, laid off, redundancy, redundancies\n");
    PolicyPassage window = passage("automation.md#5", "When your work is automated",
        List.of("When your work is automated", "The transition window"), """
            The transition window opens on the day the assessment is signed off.
            During the window nobody is given notice of redundancy.""");
    String question = "can they RIF me in the window?";

    // when
    Draft draft = new ExtractiveDrafter(TestModels.local(), Synonyms.load(file))
        .draft(new DraftRequest(question, question, List.of(window), false));

    // then: "redundancy" stands for "RIF" as fully as the question's own word would
    assertTrue(quoted(draft).get(0).contains("notice of redundancy"), draft.text());
  }

  private static final PolicyPassage GRADES = passage("jobs.md#2", "Job grading", List.of("Job grading", "Grades"), """
      Job grade: A; Share of duties changed: under 25%; What it means: Nothing changes.
      Job grade: B; Share of duties changed: 25% to 50%; What it means: Your job is regraded.""");

  private static final PolicyPassage GRADE_APPEAL = passage("jobs.md#4", "Job grading",
      List.of("Job grading", "Appeals"), """
      You can challenge a grade with the grading panel within 15 working days.
      The panel includes someone from another department.""");

  @Test
  void shouldAnswerATimeQuestionWithTheLineThatStatesATime() {
    // when: the grade rows match the words better, but they state percentages, not a period
    Draft draft = ask("how long do i have to challenge my job grade", GRADES, GRADE_APPEAL);

    // then: the period answers first
    assertTrue(quoted(draft).get(0).contains("within 15 working days"), draft.text());
  }

  private static final PolicyPassage REVIEW_TIMELINE = passage("review.md#5", "Pay review",
      List.of("Pay review", "Timeline"), """
      Date: 1 April; What happens: New pay takes effect for everyone in April.
      Date: late March; What happens: Pay letters for April are published.""");
  private static final PolicyPassage REVIEW_ELIGIBILITY = passage("review.md#2", "Pay review",
      List.of("Pay review", "Eligibility"), """
      You take part if your rating is Solid or above.
      Staff who started between 1 July and 30 September receive half of the usual increase.
      Staff on a fixed-term contract take part on the same terms.""");

  @Test
  void shouldAnswerWithTheLineWhoseRangeOfMonthsHoldsTheMonthAsked() {
    // when: "april" matches the timeline's words; only the eligibility range holds August
    Draft draft = ask("i started in august, do i get a raise in april or am i too new?", REVIEW_TIMELINE,
        REVIEW_ELIGIBILITY);

    // then
    assertTrue(quoted(draft).get(0).contains("half of the usual increase"), draft.text());
  }

  @Test
  void shouldQuoteTheAnsweringSentenceFirstUnderItsSectionName() {
    // when
    Draft draft = drafter.draft(new DraftRequest("how long can my fixed term contract be renewed for?",
        "how long can my fixed term contract be renewed for?", List.of(RENEWAL), false));

    // then
    List<String> lines = draft.text().lines().toList();
    assertEquals("**Fixed-term contracts › Renewal**", lines.get(0));
    assertTrue(lines.get(1).startsWith("> A fixed-term contract can be renewed once for up to 12 months."), draft.text());
    assertEquals(List.of(1), draft.cited());
    assertFalse(draft.notCovered());
  }

  @Test
  void shouldNeverQuoteHeadingsQuestionsIntroductionsOrNavigation() {
    // when
    Draft draft = ask("who decides on the renewal of a fixed term contract and how long is it?", RENEWAL);

    // then
    String text = draft.text();
    assertFalse(text.contains("?"), text);
    assertFalse(text.contains("This section explains"), text);
    assertFalse(text.contains("Back to top"), text);
    assertFalse(text.contains("Renewal and extensions"), text);
    assertFalse(text.contains("See Hiring freeze"), text);
    assertTrue(text.contains("up to 12 months"), text);
  }

  @Test
  void shouldQuoteATableRowWithItsColumnNamesAndNeverTheHeader() {
    // when
    Draft draft = ask("what notice period does an L4 get in the uk?", NOTICE);

    // then
    List<String> lines = quoted(draft);
    assertTrue(lines.get(0).startsWith("> L4 – L5 — Notice: 2 months."), draft.text());
    assertFalse(draft.text().contains("Level | Notice"), draft.text());
    assertTrue(draft.text().startsWith("**Notice periods › United Kingdom › Notice the company gives**"));
  }

  @Test
  void shouldQuoteEveryRowOfASmallTableWhenOneIsQuoted() {
    // given: the worked example matches the question best; the table's middle row matches it least
    PolicyPassage p = passage("redeploy.md#6", "Redeployment", List.of("Redeployment", "Pay protection"), """
        If you are redeployed to a role at a lower level, your pay is protected:
        Period after the move: Months 1 – 12; Base salary: Your previous base salary in full.
        Period after the move: Months 13 – 18; Base salary: New base salary plus 50% of the difference.
        Period after the move: From month 19; Base salary: The new band maximum, or your new salary if that is within the new band.
        Example: an L4 in the UK on £62,000 is redeployed to an L3 role. The L3 maximum is £57,000.""");

    // when
    Draft draft = ask("if i take an L3 job to avoid redundancy (im L4 now) does my salary drop right away?", p);

    // then: all three periods, in the table's order
    String text = draft.text();
    int first = text.indexOf("Months 1 – 12");
    int second = text.indexOf("Months 13 – 18");
    int third = text.indexOf("From month 19");
    assertTrue(first >= 0 && first < second && second < third, text);
  }

  @Test
  void shouldQuoteTheBestSectionAloneOnlyWhenItAnswersWhatTheApprovedQuestionsDoNotAsk() {
    // given a section that sounds like the question without answering it
    PolicyPassage tideline = passage("consult.md#3", "Redundancy consultation", List.of("Project Tideline"),
        "Phase 1 proposed that up to 310 roles could be at risk across the group in 2026.");
    String worried = "is my role at risk? heard AI is replacing my team";
    DraftRequest request = new DraftRequest(worried, worried, List.of(tideline), false);

    // when the answer beside it already answers "Is my role at risk?"
    Draft beside = drafter.bestSection(request, 40, List.of("Is my role at risk?", "Is my job safe?"));
    Draft alone = drafter.bestSection(request, 40, List.of());

    // then "role" and "risk" are answered already, so the line adds nothing; alone, it shares them
    assertTrue(beside.notCovered(), beside.text());
    assertTrue(alone.text().contains("310 roles"), alone.text());
  }

  @Test
  void shouldQuoteTheBestSectionAloneForAFigureTheQuestionAsksFor() {
    // given an approved answer to "what happens when my role is classified red", and a question that adds "how long"
    PolicyPassage window = passage("roles.md#5", "When your role's work is automated", List.of("Transition window"),
        "If your role is classified Red, a transition window of six months starts.");
    String asked = "my role got classified red, what happens now? how long do i have";
    DraftRequest request = new DraftRequest(asked, asked, List.of(window, PROTECTION), false);

    // when
    Draft quote = drafter.bestSection(request, 40,
        List.of("What happens when my role is classified Red?", "How long do I have?"));

    // then "six months" states the time asked for, though every word of the question is answered already
    assertTrue(quote.text().contains("six months"), quote.text());
    assertFalse(quote.text().contains("Pay protection"), "the best section alone: " + quote.text());
  }

  @Test
  void shouldQuoteTheLinesALeadInIntroduces() {
    // when
    Draft draft = ask("if i get redeployed to a lower level do i take a pay cut?", PROTECTION);

    // then: the lead-in is the answer, and its first rows are what it means
    List<String> lines = quoted(draft);
    assertTrue(lines.get(0).startsWith("> If you are redeployed to a role at a lower level"), draft.text());
    assertTrue(draft.text().contains("Base salary: Your previous base salary in full."), draft.text());
  }

  @Test
  void shouldQuoteTheSentenceBeforeAnAnswerThatPointsBackToIt() {
    // given: the answer opens with "This renewal", which needs the sentence naming the renewal
    PolicyPassage p = passage("c.md#0", "Contracts", List.of("Contracts"), """
        Managers may renew a fixed-term contract once. This renewal needs the Vice President's approval for roles at L6 or above.""");

    // when
    Draft draft = ask("does the vice president need to approve a renewal for an L6 role?", p);

    // then
    String text = draft.text();
    assertTrue(text.indexOf("Managers may renew") < text.indexOf("This renewal needs"), text);
  }

  @Test
  void shouldAnswerEachPartOfATwoPartQuestion() {
    // when
    Draft draft = ask("what notice does an L6 get? and is pay protected when redeployed to a lower level",
        NOTICE, PROTECTION);

    // then
    assertTrue(draft.text().contains("Notice: 3 months"), draft.text());
    assertTrue(draft.text().contains("your pay is protected"), draft.text());
    assertEquals(List.of(1, 2), draft.cited());
  }

  @Test
  void shouldShowABracketedNumberInAPolicyAsTextNotAsACitation() {
    PolicyPassage p = passage("x.md#0", "Bonus", List.of("Bonus"), "The bonus is paid in March, see clause [9].");
    assertTrue(ask("when is the bonus paid?", p).text().contains("see clause (9)."));
  }

  @Test
  void shouldDeclineWhenNoLineCanBeQuoted() {
    PolicyPassage p = passage("x.md#0", "Menu", List.of("Menu"), "Back to top\n- What is this?\nContents");
    assertTrue(ask("what is the bonus?", p).notCovered());
  }

  @Test
  void shouldTellEachKindOfLineApart() {
    assertEquals(Sentences.Kind.QUESTION, Sentences.kind("- How long will the employee's term be renewed for?"));
    assertEquals(Sentences.Kind.TABLE_HEADER, Sentences.kind("Level | Typical title | Minimum"));
    assertEquals(Sentences.Kind.NAVIGATION, Sentences.kind("Back to top"));
    assertEquals(Sentences.Kind.NAVIGATION, Sentences.kind("Home › Policies › Leave"));
    assertEquals(Sentences.Kind.NAVIGATION, Sentences.kind("Formal grievance — see below."));
    assertEquals(Sentences.Kind.NAVIGATION, Sentences.kind("See Severance pay."));
    assertEquals(Sentences.Kind.HEADING, Sentences.kind("Holiday during garden leave"));
    assertEquals(Sentences.Kind.INTRODUCTION, Sentences.kind("This page explains the cycle and the ratings."));
    assertEquals(Sentences.Kind.LEAD_IN, Sentences.kind("Any employee can ask the Reward team, in writing, for:"));
    assertEquals(Sentences.Kind.STATEMENT, Sentences.kind("Level: L4; Target bonus (% of base salary): 8%."));
    assertEquals(Sentences.Kind.STATEMENT, Sentences.kind("minimum 8 weeks, maximum 52 weeks"));
    assertEquals(Sentences.Kind.STATEMENT, Sentences.kind("Pool P = the smaller of 25% × S and 2% × B"));
  }

  @Test
  void shouldKeepAListItemWholeAndSplitParagraphsIntoSentences() {
    assertEquals(List.of("- Replacement hires (backfills). A leaver's role is not automatically refilled.",
            "A PIP lasts 8 weeks.", "You meet every 2 weeks."),
        Sentences.split("- Replacement hires (backfills). A leaver's role is not automatically refilled.\n"
            + "A PIP lasts 8 weeks. You meet every 2 weeks."));
  }

  @Test
  void shouldSplitATwoPartQuestionIntoItsParts() {
    assertEquals(List.of("how long does a PIP last", "can i bring someone to the meetings"),
        QuestionParts.split("how long does a PIP last and can i bring someone to the meetings"));
    assertEquals(List.of("whats the notice period?"), QuestionParts.split("whats the notice period?"));
    assertEquals(List.of("is the bonus paid in march", "what about part-timers?"),
        QuestionParts.split("is the bonus paid in march? what about part-timers?"));
  }

  @Test
  void shouldKeepContextAndRestatementsWithThePartTheyBelongTo() {
    // context after a question mark is not a second question
    assertEquals(List.of("when is the bonus paid trying to plan a trip lol"),
        QuestionParts.split("when is the bonus paid? trying to plan a trip lol"));
    // "like ..." restates the question before it
    assertEquals(List.of("how wide are the salary bands like how far below the midpoint does the minimum go"),
        QuestionParts.split("how wide are the salary bands? like how far below the midpoint does the minimum go"));
    // a question after a statement still stands alone
    assertEquals(List.of("heard AI is replacing my team", "is my job safe?"),
        QuestionParts.split("heard AI is replacing my team? is my job safe?"));
  }

  private static final PolicyPassage US_EXAMPLE = passage("severance.md#7", "Severance pay",
      List.of("Severance pay", "United States", "Worked example"), """
          Maria in Austin earns $104,000 (L4) and has 6 complete years of service.
          - Severance: 2 × 6 = 12 weeks × $2,000 = $24,000, plus 3 months of COBRA premiums.""");

  private static final PolicyPassage US_RULE = passage("severance.md#6", "Severance pay",
      List.of("Severance pay", "United States"), """
          Severance is 2 weeks' base pay for each complete year of service, minimum 4 weeks and maximum 26 weeks.
          The company pays the COBRA premium for you and your dependants for 3 months.""");

  private static final PolicyPassage OTHER_LEAVE = passage("leave.md#4", "Parental and family leave",
      List.of("Parental and family leave", "Other family leave"), """
          Leave: Carers' leave, for a dependant with a long-term care need; All countries: 5 days paid a year.
          Leave: Pregnancy loss, for either parent; All countries: 10 days paid.""");

  private static final PolicyPassage US_LEAVE = passage("leave.md#3", "Parental and family leave",
      List.of("Parental and family leave", "United States"), """
          Who: Birth parent; Paid leave: 16 weeks at full pay.
          Who: Non-birth parent, adoptive or foster parent; Paid leave: 12 weeks at full pay.""");

  @Test
  void shouldQuoteTheRuleBeforeAWorkedExampleRetrievalRankedHigher() {
    // when the example shares more words with the question than the rule does
    Draft draft = ask("how much severance in the US? 6 yrs at the austin office", US_EXAMPLE, US_RULE);

    // then
    assertTrue(quoted(draft).get(0).startsWith("> Severance is 2 weeks' base pay"), draft.text());
  }

  @Test
  void shouldAnswerFromTheSectionOfTheCountryTheQuestionNames() {
    // when
    Draft draft = ask("paternity leave in the US how long and is it paid", OTHER_LEAVE, US_LEAVE);

    // then
    assertTrue(draft.text().startsWith("**Parental and family leave › United States**"), draft.text());
    assertTrue(draft.text().contains("12 weeks at full pay"), draft.text());
  }

  private static final PolicyPassage WARN_ACT = passage("layoffs.md#2", "Layoffs (United States)",
      List.of("Layoffs (United States)", "The WARN Act"), """
          The federal WARN Act requires employers with 100 or more employees to give 60 days' written notice before:
          - a plant closing — the shutdown of a single site that causes job losses for 50 or more employees in a 30-day period; or
          - a mass layoff — job losses at a single site for 50–499 employees if they are at least 33% of the workforce there, or 500 or more employees.
          Job losses over a 90-day period can be added together.""");

  private static final PolicyPassage US_CONSULTATION = passage("consultation.md#4", "Redundancy consultation",
      List.of("Redundancy consultation", "United States"), """
          There is no legal duty to consult collectively in the United States, but the company gives every affected employee a 14-day listening period and at least 60 days' notice, whether or not the federal WARN Act applies.""");

  private static final PolicyPassage LAYOFF_CONSULTATION = passage("layoffs.md#4", "Layoffs (United States)",
      List.of("Layoffs (United States)", "Consultation"), """
          There is no legal duty to consult collectively in the United States, but the company gives every affected employee a 14-day listening period and at least 60 days' notice, whether or not the federal WARN Act applies.""");

  private static final PolicyPassage COMMITMENTS = passage("layoffs.md#1", "Layoffs (United States)",
      List.of("Layoffs (United States)", "Our commitments"), """
          Employment in the United States is at will, which means either side can end it at any time.
          Even so, when roles are eliminated in a reorganisation, the company commits to:
          - a 14-day listening period after the announcement, during which you can ask questions;
          - 60 calendar days' notice for every employee whose role ends, worked or paid in lieu;
          - severance and outplacement support as described in Severance pay.""");

  @Test
  void shouldAlsoQuoteTheBestLineOfTwoFurtherSectionsOfTheSameDocumentThatScoreAlmostAsWell() {
    // when the passage retrieval ranked first talks about layoffs, and the notice we give sits in the third
    Draft draft = ask("US layoff - how much notice would we get", WARN_ACT, LAYOFF_CONSULTATION, COMMITMENTS);

    // then one line of each further section follows the best line, each under its own section name
    String text = draft.text();
    assertTrue(text.contains("**Layoffs (United States) › Our commitments**\n> - 60 calendar days' notice"), text);
    assertTrue(text.contains("**Layoffs (United States) › Consultation**\n> There is no legal duty"), text);
    assertEquals(List.of(1, 2, 3), draft.cited());
  }

  @Test
  void shouldQuoteASecondFurtherSectionOnlyFromTheBestLinesOwnDocument() {
    // when the further sections come from the same policy and from another one
    Draft draft = ask("US layoff - how much notice would we get", WARN_ACT, US_CONSULTATION, COMMITMENTS);

    // then only the first further section is quoted: another document's line would pad the answer
    String text = draft.text();
    assertTrue(text.contains("**Layoffs (United States) › Our commitments**\n> - 60 calendar days' notice"), text);
    assertFalse(text.contains("Redundancy consultation"), text);
    assertEquals(List.of(1, 3), draft.cited());
  }
}
