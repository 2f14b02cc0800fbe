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
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds {@link DocumentMetadata} from front matter or a sidecar file, falling back to the title the document itself
 * offers. Strict, because a mistake here could show a restricted document to everyone: an unknown or misspelt key, a
 * key given twice, a list where a name belongs (or the reverse) and an empty audience are errors, and the file is
 * held back until HR fixes it.
 */
final class MetadataParser {

  /** The keys AskHR reads. */
  static final Set<String> KEYS =
      Set.of("title", "owner", "effective", "review_by", "audience", "countries", "tags", "url", "language");
  /**
   * Keys of publishing tools (Jekyll, Hugo, Eleventy, Docusaurus, MkDocs) that handbooks carry and AskHR ignores. Any
   * other key is an error: it may be a restriction AskHR does not understand.
   */
  static final Set<String> IGNORED_KEYS = Set.of("layout", "permalink", "redirect_from", "redirect_to", "keywords",
      "description", "subtitle", "summary", "sidebar", "sidebar_label", "sidebar_position", "questions", "cspell",
      "step_indicator", "current_step", "date", "draft", "weight", "slug", "aliases", "categories", "author",
      "authors", "lang", "nav_order", "parent", "has_children", "toc", "last_modified_at", "excerpt", "image",
      "eleventynavigation", "hide", "order");

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
        string(fields, "url"),
        language(fields));
  }

  /** {@code language: de}; a value that is not a two-letter code is a problem HR must fix, not a guess. */
  private static String language(Map<?, ?> fields) throws DocumentProblem {
    Optional<String> value = string(fields, "language");
    if (value.isEmpty()) {
      return DocumentMetadata.ENGLISH;
    }
    String code = value.get().toLowerCase(Locale.ROOT);
    if (!code.matches("[a-z]{2}")) {
      throw new DocumentProblem("'language' must be a two-letter ISO 639-1 code such as 'de': '" + value.get() + "'");
    }
    return code;
  }

  private static Map<?, ?> parse(YamlSource source) throws DocumentProblem {
    Object parsed;
    try {
      parsed = StrictYaml.create(true).load(source.yaml());
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
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      checkKey(source, String.valueOf(entry.getKey()));
    }
    checkNames(source, map, "audience");
    checkNames(source, map, "countries");
    checkNames(source, map, "tags");
    for (String key : List.of("title", "owner", "url", "effective", "review_by")) {
      Object value = map.get(key);
      if (value instanceof Map || value instanceof Collection) {
        throw new DocumentProblem(source.label() + ": '" + key + "' must be a single value, not a list");
      }
    }
    return map;
  }

  private static void checkKey(YamlSource source, String key) throws DocumentProblem {
    if (KEYS.contains(key) || IGNORED_KEYS.contains(key.toLowerCase(Locale.ROOT)) && !KEYS.contains(
        key.toLowerCase(Locale.ROOT))) {
      return;
    }
    Optional<String> meant = KEYS.stream().filter(known -> resembles(key, known)).findFirst();
    if (meant.isPresent()) {
      throw new DocumentProblem(source.label() + ": unknown key '" + key + "': did you mean '" + meant.get() + "'?");
    }
    throw new DocumentProblem(source.label() + ": unknown key '" + key + "' (AskHR reads "
        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
  }

  /** "Audience", "audiences", "review-by", "countrys": the same key with a slip of the keyboard. */
  private static boolean resembles(String key, String known) {
    String a = key.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    String b = known.replace("_", "");
    int slips = b.length() <= 4 ? 1 : 2;
    return a.equals(b) || distance(a, b) <= slips || a.startsWith(b) || b.startsWith(a) && a.length() >= 4;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** A name or a list of names; an audience written but left empty is an error, never "everyone". */
  private static void checkNames(YamlSource source, Map<?, ?> map, String key) throws DocumentProblem {
    if (!map.containsKey(key)) {
      return;
    }
    Object value = map.get(key);
    if (value == null || (value instanceof Collection<?> c && c.isEmpty()) || String.valueOf(value).isBlank()) {
      if (key.equals("audience")) {
        throw new DocumentProblem(source.label() + ": 'audience' is empty: name the groups, or write 'everyone'");
      }
      return;
    }
    if (value instanceof Map) {
      throw new DocumentProblem(source.label() + ": '" + key + "' must be a name or a list of names, not 'key: value'"
          + " pairs");
    }
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (item == null || item instanceof Map || item instanceof Collection) {
          throw new DocumentProblem(source.label() + ": each item of '" + key + "' must be a plain name");
        }
      }
    }
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
