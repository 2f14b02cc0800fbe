package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");

  static Properties bundle(Locale language) throws IOException {
    String name = Messages.BUNDLE + (language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage())
        + ".properties";
    try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertTrue(in != null, name + " is missing");
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }

  /** Keys of {@code base} that {@code other} lacks or leaves empty, and placeholders it drops or invents. */
  static Set<String> problems(Properties base, Properties other) {
    Set<String> problems = new TreeSet<>();
    for (String key : base.stringPropertyNames()) {
      String text = other.getProperty(key);
      if (text == null || text.isBlank()) {
        problems.add(key + ": missing");
      } else if (!placeholders(text).equals(placeholders(base.getProperty(key)))) {
        problems.add(key + ": placeholders " + placeholders(text) + " instead of " + placeholders(base.getProperty(key)));
      }
    }
    for (String key : other.stringPropertyNames()) {
      if (!base.containsKey(key)) {
        problems.add(key + ": not in the English bundle");
      }
    }
    return problems;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  @Test
  void everyLanguageShouldHaveEveryKeyWithTheSamePlaceholders() throws IOException {
    Properties english = bundle(Locale.ENGLISH);
    for (Locale language : Messages.LANGUAGES) {
      assertEquals(Set.of(), problems(english, bundle(language)), language.toString());
    }
  }

  @Test
  void theCompletenessCheckShouldCatchAMissingKeyAndADroppedPlaceholder() throws IOException {
    // given a German bundle with one key removed and the contact left out of another
    Properties german = bundle(Locale.GERMAN);
    german.remove(Messages.BUTTON_SHARE);
    german.setProperty(Messages.NOT_COVERED, "Dazu habe ich nichts gefunden.");

    // then
    assertEquals(Set.of(Messages.BUTTON_SHARE + ": missing",
        Messages.NOT_COVERED + ": placeholders [] instead of [{hr_contact}]"), problems(bundle(Locale.ENGLISH), german));
  }

  @Test
  void everyKeyNamedInCodeShouldBeInTheEnglishBundle() throws Exception {
    Properties english = bundle(Locale.ENGLISH);
    int keys = 0;
    for (Field f : Messages.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        assertTrue(english.containsKey((String) f.get(null)), f.getName());
        keys++;
      }
    }
    assertEquals(english.size(), keys, "keys in the bundle that no constant names");
  }

  @Test
  void shouldFillNamedPlaceholdersAndKeepApostrophes() {
    String text = Messages.of(Locale.FRENCH).get(Messages.NOT_COVERED, Map.of("hr_contact", "rh@example.test"));
    assertEquals("Je n'ai rien trouvé à ce sujet dans nos politiques RH, et je préfère ne pas deviner. Merci de "
        + "contacter rh@example.test, qui pourra vous répondre.", text);
  }

  @Test
  void shouldUseEnglishForALanguageWithoutABundleWhateverTheServersLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      assertEquals("Talk to HR", Messages.of(Locale.ITALIAN).get(Messages.BUTTON_TALK_TO_HR));
      assertEquals(Locale.ENGLISH, Messages.of(Locale.ITALIAN).language());
      assertEquals("Talk to HR", Messages.of(Locale.ENGLISH).get(Messages.BUTTON_TALK_TO_HR));
      assertEquals("Mit HR sprechen", Messages.of(Locale.forLanguageTag("de-AT")).get(Messages.BUTTON_TALK_TO_HR));
    } finally {
      Locale.setDefault(before);
    }
  }
}
