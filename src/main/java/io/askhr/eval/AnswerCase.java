package io.askhr.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gold question as the answer evaluation sees it.
 *
 * @param sources gold files; empty when no policy answers the question
 * @param facts short strings a correct answer must contain ({@code answer_facts}); may be empty
 */
public record AnswerCase(String question, List<String> sources, List<String> facts, Split half) {

  public AnswerCase {
    sources = List.copyOf(sources);
    facts = List.copyOf(facts);
  }

  public boolean answerable() {
    return !sources.isEmpty();
  }

  /** Reads a JSONL gold set; a bad line or an unknown split fails with its line number. */
  public static List<AnswerCase> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<AnswerCase> cases = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + " line " + (i + 1);
      JsonNode node;
      try {
        node = json.readTree(line);
      } catch (IOException e) {
        throw new IOException(where + ": not valid JSON", e);
      }
      if (!node.hasNonNull("question")) {
        throw new IOException(where + ": no \"question\" field");
      }
      String question = node.get("question").asText();
      List<String> sources = new ArrayList<>();
      node.path("sources").forEach(s -> sources.add(s.asText()));
      List<String> facts = new ArrayList<>();
      node.path("answer_facts").forEach(f -> facts.add(f.asText()));
      cases.add(new AnswerCase(question, sources, facts, half(node.path("split").asText(""), question, where)));
    }
    return cases;
  }

  static Split half(String split, String question, String where) throws IOException {
    return switch (split.strip().toLowerCase(Locale.ROOT)) {
      case "dev" -> Split.DEV;
      case "heldout", "held-out" -> Split.HELDOUT;
      // the same seeded hash as every other gold set, so a question sits in one half everywhere
      case "" -> Split.of(question);
      default -> throw new IOException(where + ": split must be \"dev\" or \"heldout\", got \"" + split + "\"");
    };
  }
}
