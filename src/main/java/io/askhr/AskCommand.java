package io.askhr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.askhr.adapter.web.ReplyView;
import io.askhr.question.Asker;
import io.askhr.question.Citation;
import io.askhr.question.Platform;
import io.askhr.question.Question;
import io.askhr.question.Reply;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code askhr ask "question"}: one answer on the command line. */
@Command(name = "ask", description = "Answer one question and print the reply.")
final class AskCommand implements Callable<Integer> {

  @Mixin FolderOptions folders;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (quote it)")
  String[] words = new String[0];

  @Option(names = "--json", description = "Print the reply as JSON")
  boolean json;

  @Option(names = "--groups", split = ",", paramLabel = "a,b", description = "Audiences the asker belongs to, e.g. managers")
  Set<String> groups = Set.of();

  @Option(names = "--country", paramLabel = "CC", description = "Asker's country code, e.g. GB")
  String country;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (country != null && !isCountryCode(country)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--country must be a two-letter ISO country code such as GB, DE or US, got '" + country + "'");
    }
    try (Engine engine = Engine.open(folders.settings())) {
      engine.refresh();
      Asker asker = new Asker("cli", System.getProperty("user.name", ""), groups, Optional.ofNullable(country));
      Reply reply = engine.handler().answer(Question.first(String.join(" ", words), asker, Platform.CLI));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ReplyView.of(reply)));
      } else {
        out.println(plain(reply));
      }
      out.flush();
    }
    return 0;
  }

  private static boolean isCountryCode(String code) {
    String c = code.strip().toUpperCase(java.util.Locale.ROOT);
    return c.equals("UK") || java.util.Set.of(java.util.Locale.getISOCountries()).contains(c);
  }

  static String plain(Reply reply) {
    StringBuilder out = new StringBuilder();
    reply.notices().forEach(n -> out.append("Note: ").append(n).append('\n'));
    reply.approval().ifPresent(a -> out.append("✔ ").append(a.label(reply.language())).append('\n'));
    out.append(reply.text()).append('\n');
    if (!reply.citations().isEmpty()) {
      out.append("\nSources:\n");
      for (Citation c : reply.citations()) {
        out.append("  [").append(c.number()).append("] ").append(c.title());
        if (!c.section().isEmpty()) {
          out.append(" — ").append(c.section());
        }
        if (c.page() > 0) {
          out.append(", page ").append(c.page());
        }
        c.effective().ifPresent(d -> out.append(", effective ").append(d));
        out.append(" (").append(c.source()).append(")\n");
      }
    }
    String flags = reply.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    out.append("\n(").append(reply.mode().name().toLowerCase()).append(flags.isEmpty() ? "" : "; " + flags)
        .append(")");
    return out.toString();
  }
}
