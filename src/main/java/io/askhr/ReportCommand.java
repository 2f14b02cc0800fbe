package io.askhr;

import io.askhr.config.ConfigException;
import io.askhr.config.Settings;
import io.askhr.insight.InsightStores;
import io.askhr.insight.Insights;
import io.askhr.insight.JdbcInsightStore;
import io.askhr.insight.MarkdownReport;
import io.askhr.knowledge.KnowledgeCatalog;
import io.askhr.knowledge.KnowledgeFolder;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code askhr report}: the HR dashboard's insight as Markdown, for an e-mail. */
@Command(name = "report", description = "Print the insight of the HR dashboard as Markdown: activity, knowledge gaps,"
    + " cited, never-cited and stale documents.")
final class ReportCommand implements Callable<Integer> {

  /** Retention is 90 days by default; a year covers any sensible setting. */
  static final int MAX_DAYS = 366;

  @Mixin FolderOptions folders = new FolderOptions();

  @Option(names = "--since", paramLabel = "DAYS", defaultValue = "30d",
      description = "How far back, in days such as 30d (default: ${DEFAULT-VALUE})")
  String since;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    int days = days(since);
    Settings settings = folders.settings();
    KnowledgeCatalog catalog = new KnowledgeCatalog(new KnowledgeFolder(settings.knowledgeDir(),
        settings.maxFileBytes()));
    try (JdbcInsightStore store = InsightStores.open(settings.insight(), settings.dataDir())) {
      Insights insights = new Insights(store, Engine.localEmbedder(), catalog::snapshot, Clock.systemUTC());
      spec.commandLine().getOut().print(MarkdownReport.render(insights.report(days)));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  static int days(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!v.matches("\\d{1,4}d?")) {
      throw new ConfigException("--since must be a number of days such as 30d, got '" + value + "'");
    }
    int days = Integer.parseInt(v.replace("d", ""));
    if (days < 1 || days > MAX_DAYS) {
      throw new ConfigException("--since must be between 1d and " + MAX_DAYS + "d, got '" + value + "'");
    }
    return days;
  }
}
