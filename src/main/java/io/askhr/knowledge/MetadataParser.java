package io.askhr.knowledge;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds {@link DocumentMetadata} from front matter or a sidecar file, falling back to the title the document itself
 * offers.
 */
final class MetadataParser {

  /**
   * Where the YAML came from, for error messages.
   *
   * @param label "front matter" or "metadata file policy.pdf.meta.yml"
   * @param firstLine line of the file the YAML starts on, so reported line numbers match what HR sees in an editor
   */
  record YamlSource(String yaml, String label, int firstLine) {}

  /**
   * Resolves the metadata of a document.
   *
   * @param yaml declared metadata, if any
   * @param formatTitle the title the file format declares
   * @param blocks the document's blocks, for the first top-level heading
   * @param fileName the file name, the last resort for a title
   */
  DocumentMetadata resolve(Optional<YamlSource> yaml, Optional<String> formatTitle, List<TextBlock> blocks,
      String fileName) throws DocumentProblem {
    Map<?, ?> fields = yaml.isPresent() ? parse(yaml.get()) : Map.of();
    // Handbook titles sometimes carry markup ("Travel <em>before</em> onboarding").
    String title = string(fields, "title").map(t -> Text.collapse(Jsoup.parse(t).text())).filter(t -> !t.isEmpty())
        .or(() -> formatTitle)
        .or(() -> blocks.stream().filter(b -> b.isHeading() && b.level() == 1).map(TextBlock::text).findFirst())
        .map(InvisibleCharacters::remove)
        .orElseGet(() -> Text.humanise(fileName));
    return new DocumentMetadata(
        title,
        string(fields, "owner"),
        date(fields, "effective"),
        date(fields, "review_by"),
        set(fields, "audience", s -> s.toLowerCase(Locale.ROOT)),
        set(fields, "countries", s -> s.toUpperCase(Locale.ROOT)),
        list(fields, "tags"),
        string(fields, "url"));
  }

  private static Map<?, ?> parse(YamlSource source) throws DocumentProblem {
    Object parsed;
    try {
      parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(source.yaml());
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : "line " + (mark.getLine() + source.firstLine()) + ": ";
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new DocumentProblem(source.label() + " is not valid YAML: " + where + problem, e);
    } catch (YAMLException e) {
      throw new DocumentProblem(source.label() + " is not valid YAML: " + e.getMessage(), e);
    }
    if (parsed == null) {
      return Map.of();
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new DocumentProblem(source.label() + " must be a list of 'key: value' lines");
    }
    return map;
  }

  private static Optional<String> string(Map<?, ?> fields, String key) {
    Object value = fields.get(key);
    if (value == null || value instanceof Map || value instanceof Collection) {
      return Optional.empty();
    }
    String text = Text.collapse(String.valueOf(value));
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static Optional<LocalDate> date(Map<?, ?> fields, String key) throws DocumentProblem {
    Object value = fields.get(key);
    if (value == null) {
      return Optional.empty();
    }
    // SnakeYAML turns an unquoted 2025-01-31 into a Date at UTC midnight; a quoted one stays a String.
    if (value instanceof Date date) {
      return Optional.of(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
    }
    String text = String.valueOf(value).strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new DocumentProblem("'" + key + "' is not a date (YYYY-MM-DD): '" + text + "'", e);
    }
  }

  private static Set<String> set(Map<?, ?> fields, String key, UnaryOperator<String> normalise) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : list(fields, key)) {
      values.add(normalise.apply(value));
    }
    return values;
  }

  /** A YAML list, or one string with comma-separated values. */
  private static List<String> list(Map<?, ?> fields, String key) {
    Object value = fields.get(key);
    List<String> values = new ArrayList<>();
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (item != null) {
          addSplit(String.valueOf(item), values);
        }
      }
    } else if (value != null && !(value instanceof Map)) {
      addSplit(String.valueOf(value), values);
    }
    return values;
  }

  private static void addSplit(String text, List<String> values) {
    for (String part : text.split(",")) {
      String value = Text.collapse(part);
      if (!value.isEmpty() && !values.contains(value)) {
        values.add(value);
      }
    }
  }
}
