package io.askhr.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** A knowledge folder with one file per problem {@code askhr check} finds, and two good files. */
public final class ProblemKnowledge {

  private ProblemKnowledge() {}

  /** A folder with exactly one file per problem, and one good file. */
  public static Path folderWithOneOfEachProblem(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("leave"));
    String paragraph = "Employees accrue paid holiday every month they work for the company, and unused days"
        + " carry over into the first quarter of the next year when the manager agrees in writing. ";
    Files.writeString(dir.resolve("leave/good.md"), "---\ntitle: Good\naudience: everyone\nreview_by: 2027-01-01\n"
        + "---\n# Good\n\nSee [parental leave](../parental.md#pay) and [the intranet](https://intranet.example).\n");
    Files.writeString(dir.resolve("parental.md"), "---\ntitle: Parental leave\n---\n# Pay\n\nTwenty weeks.\n");
    Files.copy(FixtureKnowledge.source().resolve("../fixtures-readers/corrupt.pdf").normalize(),
        dir.resolve("corrupt.pdf"));
    Files.writeString(dir.resolve("bad-yaml.md"), "---\ntitle: [unclosed\n---\n# Bad\n\nText.\n");
    Files.writeString(dir.resolve("no-front-matter.md"), "# Plain\n\nNo metadata here.\n");
    Files.writeString(dir.resolve("secret.md"), "---\ntitle: Secret\naudience: [board]\n---\n# Secret\n\nText.\n");
    Files.writeString(dir.resolve("old.md"), "---\ntitle: Old\nreview_by: 2025-12-31\n---\n# Old\n\nText.\n");
    Files.writeString(dir.resolve("holiday.md"), "---\ntitle: Holiday\n---\n# Holiday\n\n" + paragraph.repeat(3)
        + "Ask your manager.\n");
    Files.writeString(dir.resolve("holiday-copy.md"), "---\ntitle: Holiday (copy)\n---\n# Holiday\n\n"
        + paragraph.repeat(3) + "Ask your line manager.\n");
    Files.writeString(dir.resolve("wall.md"), "---\ntitle: Wall of text\n---\n" + "word ".repeat(450) + "\n");
    Files.writeString(dir.resolve("links.md"), "---\ntitle: Links\n---\n# Links\n\nSee [expenses](expenses.md)."
        + " Code `[x](not-a-link.md)` is fine.\n");
    return dir;
  }
}
