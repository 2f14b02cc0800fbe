package io.askhr.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSONL records with a {@code question} and an optional {@code split}, keeping each record's JSON. */
public final class LabelledQuestions {

  /** One record and the half it belongs to. */
  public record Labelled(String question, boolean dev, JsonNode json) {}

  private LabelledQuestions() {}

  /** Parses the file; a line that is not valid JSON, has no question or an unknown split fails with its number. */
  public static List<Labelled> read(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Labelled> records = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (IOException e) {
        throw new IOException(file + " line " + (i + 1) + ": not valid JSON", e);
      }
      if (!node.hasNonNull("question")) {
        throw new IOException(file + " line " + (i + 1) + ": no \"question\" field");
      }
      String question = node.get("question").asText();
      String split = node.path("split").asText(Split.of(question) == Split.DEV ? "dev" : "heldout");
      if (!split.equals("dev") && !split.equals("heldout")) {
        throw new IOException(file + " line " + (i + 1) + ": split must be \"dev\" or \"heldout\", not \"" + split
            + "\"");
      }
      records.add(new Labelled(question, split.equals("dev"), node));
    }
    return records;
  }
}
