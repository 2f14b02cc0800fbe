package io.askhr.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSONL gold set in either of two formats: {@code {"question", "sources": ["FILE" or "FILE#page=N"]}}, or
 * {@code {"question", "truth"}} whose truth ends with bracketed citations such as {@code [FILE.pdf#page=N]}. Either may
 * carry {@code "split": "dev"|"heldout"} and {@code "answer_facts": [...]}.
 */
public final class GoldSet {

  private static final Pattern TRUTH_CITATION = Pattern.compile("\\[([^\\[\\]]+?\\.[A-Za-z0-9]{2,5}(?:#page=\\d+)?)]");
  private static final Pattern PAGE = Pattern.compile("^(.*?)(?:#page=(\\d+))?$");

  private GoldSet() {}

  /** Parses the file; a line that is not valid JSON or has no question fails with its line number. */
  public static List<GoldQuestion> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<GoldQuestion> questions = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      int lineNumber = i + 1;
      JsonNode node;
      try {
        node = json.readTree(line);
      } catch (IOException e) {
        throw new IOException(file + " line " + (i + 1) + ": not valid JSON", e);
      }
      if (!node.hasNonNull("question")) {
        throw new IOException(file + " line " + (i + 1) + ": no \"question\" field");
      }
      List<GoldQuestion.GoldSource> sources = new ArrayList<>();
      if (node.has("sources")) {
        node.get("sources").forEach(s -> sources.add(source(s.asText())));
      } else if (node.has("truth")) {
        Matcher m = TRUTH_CITATION.matcher(node.get("truth").asText());
        while (m.find()) {
          sources.add(source(m.group(1)));
        }
      }
      String question = node.get("question").asText();
      Split split = Split.of(question);
      if (node.hasNonNull("split")) {
        split = Split.named(node.get("split").asText()).orElseThrow(() -> new IOException(
            file + " line " + lineNumber + ": \"split\" must be \"dev\" or \"heldout\""));
      }
      List<String> facts = new ArrayList<>();
      node.path("answer_facts").forEach(f -> facts.add(f.asText()));
      questions.add(new GoldQuestion(question, sources, split, facts));
    }
    return questions;
  }

  static GoldQuestion.GoldSource source(String citation) {
    Matcher m = PAGE.matcher(citation.strip());
    m.matches();
    return new GoldQuestion.GoldSource(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
  }
}
