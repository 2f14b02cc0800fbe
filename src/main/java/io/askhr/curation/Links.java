package io.askhr.curation;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Finds the links from one document to other files of the knowledge folder. */
final class Links {

  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(\\s|$)");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private Links() {}

  /** Local link targets written in the file (Markdown or HTML), as written; other formats have none here. */
  static List<String> targets(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    List<String> targets = new ArrayList<>();
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      String text = withoutCode(Files.readString(file, StandardCharsets.UTF_8));
      collect(MARKDOWN_LINK.matcher(text), targets);
      collect(REFERENCE_LINK.matcher(text), targets);
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      Jsoup.parse(file.toFile(), null).select("a[href]").forEach(a -> targets.add(a.attr("href")));
    }
    return targets.stream().filter(Links::isLocal).toList();
  }

  /** The file a local link points to, or the folder root itself for a bare anchor. */
  static Path resolve(Path root, Path from, String target) {
    String path = target.replaceFirst("[#?].*$", "");
    path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    return path.startsWith("/") ? root.resolve(path.substring(1)).normalize()
        : from.getParent().resolve(path).normalize();
  }

  private static boolean isLocal(String target) {
    String t = target.strip();
    return !t.isEmpty() && !t.startsWith("#") && !t.startsWith("//") && !SCHEME.matcher(t).find();
  }

  private static void collect(Matcher matcher, List<String> targets) {
    while (matcher.find()) {
      targets.add(matcher.group(1));
    }
  }

  /** Code spans and fenced blocks may show link syntax without being links. */
  private static String withoutCode(String markdown) {
    return markdown.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\\n]*`", "");
  }
}
