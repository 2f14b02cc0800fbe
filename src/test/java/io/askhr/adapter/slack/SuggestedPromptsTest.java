package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestedPromptsTest {

  @TempDir Path temp;

  @Test
  void shouldKeepWordsThatOldYamlWouldTurnIntoBooleansAsWritten() throws Exception {
    // given
    Path file = Files.writeString(temp.resolve("prompts.yml"),
        "prompts:\n  - title: NO\n    message: Do employees in NO get a holiday bonus?\n  - title: On\n    message: yes\n");

    // when
    List<SuggestedPrompts.Prompt> prompts = SuggestedPrompts.read(file);

    // then
    assertEquals(List.of(new SuggestedPrompts.Prompt("NO", "Do employees in NO get a holiday bonus?"),
        new SuggestedPrompts.Prompt("On", "yes")), prompts);
  }

  @Test
  void shouldRefuseAPromptWithTheSameKeyTwice() throws Exception {
    // given
    Path file = Files.writeString(temp.resolve("prompts.yml"),
        "prompts:\n  - message: How much parental leave do I get?\n    message: Am I on the list?\n");

    // when
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuggestedPrompts.read(file));

    // then
    assertTrue(e.getMessage().contains("prompts.yml cannot be read as YAML"), e.getMessage());
  }
}
