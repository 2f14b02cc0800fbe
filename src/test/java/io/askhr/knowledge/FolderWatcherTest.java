package io.askhr.knowledge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.retrieval.Hit;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.Scope;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real watch service on a temp folder, re-indexing a real index, as {@code serve} does. */
class FolderWatcherTest {

  /** Patience, not a speed target: the debounce is 300 ms here and re-indexing one file takes well under a second. */
  static final Duration PATIENCE = Duration.ofSeconds(20);
  static final String PARKING = "---\ntitle: Parking\n---\n# Parking\n\nStaff may park in the zeppelin car park"
      + " behind the office free of charge.\n";

  @TempDir Path temp;
  Path knowledge;
  PolicyIndex index;
  FolderWatcher watcher;
  final AtomicReference<IndexReport> lastReport = new AtomicReference<>();
  final AtomicInteger reloads = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    KnowledgeFolder folder = new KnowledgeFolder(knowledge, 10_000_000);
    index.update(folder, PassageSplitter.defaults());
    watcher = FolderWatcher.start(knowledge, Duration.ofMillis(300), () -> {
      lastReport.set(reindex(index, folder));
      reloads.incrementAndGet();
    });
  }

  /** What serve does on a change: bring the index in line with the folder. */
  static IndexReport reindex(PolicyIndex index, KnowledgeFolder folder) {
    try {
      return index.update(folder, PassageSplitter.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() throws IOException {
    watcher.close();
    index.close();
  }

  private Set<String> indexedSources() {
    return index.searcher().search("leave pay staff", Scope.everyone(), 500).stream()
        .map(h -> h.passage().source()).collect(Collectors.toSet());
  }

  private List<Hit> search(String query) {
    return index.searcher().search(query, Scope.everyone(), 3);
  }

  static void awaitTrue(BooleanSupplier condition) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
  }

  @Test
  void shouldIndexAnAddedFile() throws Exception {
    // when
    Files.writeString(knowledge.resolve("parking.md"), PARKING);
    awaitTrue(() -> indexedSources().contains("parking.md"));

    // then
    assertTrue(search("where can I park at the zeppelin car park").get(0).passage().text().contains("zeppelin"));
  }

  @Test
  void shouldIndexFilesInANewSubfolder() throws Exception {
    // when
    Path sub = Files.createDirectories(knowledge.resolve("facilities/uk"));
    Files.writeString(sub.resolve("parking.md"), PARKING);

    // then
    awaitTrue(() -> indexedSources().contains("facilities/uk/parking.md"));
  }

  @Test
  void shouldServeTheChangedTextOfAnEditedFile() throws Exception {
    // given
    Path bereavement = knowledge.resolve("leave/bereavement.md");

    // when
    Files.writeString(bereavement, Files.readString(bereavement).replace("up to five days", "up to eight days"));

    // then
    awaitTrue(() -> search("how many days compassionate leave when a relative dies").stream()
        .anyMatch(h -> h.passage().text().contains("up to eight days")));
    assertFalse(search("how many days compassionate leave when a relative dies").stream()
        .anyMatch(h -> h.passage().text().contains("up to five days")));
  }

  @Test
  void shouldDropADeletedFile() throws Exception {
    // when
    Files.delete(knowledge.resolve("leave/volunteering.md"));

    // then
    awaitTrue(() -> !indexedSources().contains("leave/volunteering.md"));
    assertTrue(indexedSources().contains("leave/sickness.md"));
  }

  @Test
  void shouldFollowARenamedFile() throws Exception {
    // when
    Files.move(knowledge.resolve("leave/volunteering.md"), knowledge.resolve("leave/volunteer-days.md"),
        StandardCopyOption.ATOMIC_MOVE);

    // then
    awaitTrue(() -> indexedSources().contains("leave/volunteer-days.md"));
    assertFalse(indexedSources().contains("leave/volunteering.md"));
  }

  @Test
  void shouldKeepServingTheLastGoodVersionOfABrokenFile() throws Exception {
    // given
    Path bereavement = knowledge.resolve("leave/bereavement.md");

    // when: HR saves front matter that is not valid YAML
    Files.writeString(bereavement, "---\ntitle: [unclosed\neffective: soon\n---\n# Compassionate leave\n\nBroken.\n");

    // then
    awaitTrue(() -> lastReport.get() != null && !lastReport.get().problems().isEmpty());
    assertEquals("leave/bereavement.md", lastReport.get().problems().get(0).source());
    assertTrue(search("how many days compassionate leave when a relative dies").stream()
        .anyMatch(h -> h.passage().text().contains("up to five days")));
  }

  @Test
  void shouldAnswerEverySearchWhileReloading() throws Exception {
    // given
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger searches = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<Thread> searchers = List.of(1, 2, 3).stream().map(n -> new Thread(() -> {
      while (running.get()) {
        try {
          if (search("compassionate leave days").isEmpty()) {
            failures.incrementAndGet();
          }
          searches.incrementAndGet();
        } catch (RuntimeException e) {
          failures.incrementAndGet();
        }
      }
    })).toList();
    searchers.forEach(Thread::start);

    // when: five saves, each waited for
    for (int i = 1; i <= 5; i++) {
      int before = reloads.get();
      Files.writeString(knowledge.resolve("note-" + i + ".md"), PARKING.replace("zeppelin", "zeppelin" + i));
      awaitTrue(() -> reloads.get() > before && indexedSources().size() > 0);
    }
    running.set(false);
    for (Thread t : searchers) {
      t.join();
    }

    // then
    assertEquals(0, failures.get());
    assertTrue(searches.get() > 20, "searches: " + searches.get());
    assertTrue(indexedSources().containsAll(Set.of("note-1.md", "note-5.md")));
    System.out.println("Watcher: " + searches.get() + " searches during 5 reloads, " + failures.get() + " failed");
  }
}
