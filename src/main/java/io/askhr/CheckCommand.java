package io.askhr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.askhr.config.Settings;
import io.askhr.curation.Finding;
import io.askhr.curation.KnowledgeCheck;
import io.askhr.curation.SynonymsCheck;
import io.askhr.knowledge.KnowledgeFolder;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code askhr check}: HR's lint for the knowledge folder; exit status 1 when there are errors. */
@Command(name = "check", description = "Check the knowledge folder for problems: unreadable files, bad front matter,"
    + " unknown audiences, overdue reviews, near-duplicates, long documents without headings, broken links."
    + " Exit status 1 when there are errors.")
final class CheckCommand implements Callable<Integer> {

  static final int ERRORS_FOUND = 1;

  @Mixin FolderOptions folders = new FolderOptions();

  @Option(names = "--json", description = "Print the findings as JSON")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Settings settings = folders.settings();
    KnowledgeFolder folder = new KnowledgeFolder(settings.knowledgeDir(), settings.maxFileBytes());
    KnowledgeCheck.Result result = new KnowledgeCheck(folder, settings.audienceMap().audiences().keySet(),
        Clock.systemDefaultZone()).run();
    result = result.plus(SynonymsCheck.check(settings.synonymsFile()));
    PrintWriter out = spec.commandLine().getOut();
    long errors = result.count(Finding.Severity.ERROR);
    long warnings = result.count(Finding.Severity.WARNING);
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("folder", folder.root().toString());
      document.put("files", result.files());
      document.put("errors", errors);
      document.put("warnings", warnings);
      document.put("findings", result.findings());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    } else {
      String previous = null;
      for (Finding finding : result.findings()) {
        if (!finding.source().equals(previous)) {
          out.println(finding.source().isEmpty() ? "(folder)" : finding.source());
          previous = finding.source();
        }
        out.printf("  %-7s %s: %s%n", finding.severity(), finding.rule(), finding.message());
      }
      out.printf("%s%d error%s, %d warning%s in %d files of %s%n", result.findings().isEmpty() ? "" : "\n", errors,
          errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", result.files(), folder.root());
    }
    out.flush();
    return errors > 0 ? ERRORS_FOUND : 0;
  }
}
