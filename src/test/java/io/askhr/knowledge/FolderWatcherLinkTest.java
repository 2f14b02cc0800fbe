package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.Scope;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A knowledge folder published through a symbolic link that is swapped for each revision, as git-sync does. */
class FolderWatcherLinkTest {

  @TempDir Path temp;
  Path link;
  PolicyIndex index;
  FolderWatcher watcher;

  @BeforeEach
  void start() throws IOException {
    FixtureKnowledge.copyTo(temp.resolve("rev-1"));
    link = Files.createSymbolicLink(temp.resolve("current"), temp.resolve("rev-1"));
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    KnowledgeFolder folder = new KnowledgeFolder(link, 10_000_000);
    index.update(folder, PassageSplitter.defaults());
    watcher = FolderWatcher.start(link, Duration.ofMillis(300), () -> FolderWatcherTest.reindex(index, folder));
  }

  @AfterEach
  void stop() throws IOException {
    watcher.close();
    index.close();
  }

  private boolean indexed(String source) {
    return index.searcher().search("zeppelin car park parking", Scope.everyone(), 20).stream()
        .anyMatch(h -> h.passage().source().equals(source));
  }


  @Test
  void shouldSeeEditsInsideAFolderReachedThroughALink() throws Exception {
    // when
    Files.writeString(link.resolve("parking.md"), "# Parking\n\nStaff may park in the zeppelin car park.\n");

    // then
    FolderWatcherTest.awaitTrue(() -> indexed("parking.md"));
  }

  @Test
  void shouldReindexWhenTheLinkIsSwappedToANewRevision() throws Exception {
    // given a new revision next to the old one
    Path next = FixtureKnowledge.copyTo(temp.resolve("rev-2"));
    Files.writeString(next.resolve("parking.md"), "# Parking\n\nStaff may park in the zeppelin car park.\n");

    // when the link is swapped atomically
    Path swap = Files.createSymbolicLink(temp.resolve("current.tmp"), next);
    Files.move(swap, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    // then
    FolderWatcherTest.awaitTrue(() -> indexed("parking.md"));
    assertTrue(Files.isSymbolicLink(link));
  }
}
