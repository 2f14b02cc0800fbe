package io.askhr.knowledge;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the knowledge folder and its subfolders and calls back once the folder has been quiet for the debounce
 * period, so that a save (often several writes and a rename) causes one re-index. A folder reached through a symbolic
 * link is watched where the link points, and a link that is swapped to a new target (as git-sync publishes each
 * revision) counts as a change.
 */
public final class FolderWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
  /** A folder that never stops changing (a sync client copying) is still re-indexed this often. */
  private static final Duration MAX_DELAY = Duration.ofSeconds(10);
  /** How often to check whether the folder's path now leads somewhere else (a swapped symbolic link). */
  private static final Duration LINK_CHECK = Duration.ofSeconds(2);

  private final Path root;
  private final WatchService watcher;
  private final Duration debounce;
  private final Runnable onChange;
  private final Thread thread;
  /** Where {@link #root} led when last checked: the directory actually watched. */
  private Path target;

  private FolderWatcher(Path root, WatchService watcher, Duration debounce, Runnable onChange) {
    this.root = root;
    this.watcher = watcher;
    this.debounce = debounce;
    this.onChange = onChange;
    this.thread = new Thread(this::run, "askhr-knowledge-watcher");
    this.thread.setDaemon(true);
  }

  /** Starts watching {@code root}; {@code onChange} runs on the watcher's thread, never two at a time. */
  public static FolderWatcher start(Path root, Duration debounce, Runnable onChange) throws IOException {
    WatchService service = root.getFileSystem().newWatchService();
    FolderWatcher watcher = new FolderWatcher(root.toAbsolutePath().normalize(), service, debounce, onChange);
    try {
      watcher.target = watcher.root.toRealPath();
      watcher.registerTree(watcher.target);
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    watcher.thread.start();
    return watcher;
  }

  private void registerTree(Path dir) throws IOException {
    try (Stream<Path> dirs = Files.walk(dir)) {
      for (Path sub : dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        sub.register(watcher, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
      }
    }
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey first = watcher.poll(LINK_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!retargeted()) {
            continue;
          }
        } else {
          handle(first);
        }
        long deadline = System.nanoTime() + MAX_DELAY.toNanos();
        WatchKey next;
        while (System.nanoTime() < deadline
            && (next = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          handle(next);
        }
        try {
          onChange.run();
        } catch (RuntimeException e) {
          log.warn("Re-indexing after a change in {} failed: {}", root, e.toString());
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed: stop quietly.
    }
  }

  /** True, after watching the new target, when the folder's path now leads to another directory. */
  private boolean retargeted() {
    Path now;
    try {
      now = root.toRealPath();
    } catch (IOException e) {
      return false;
    }
    if (now.equals(target)) {
      return false;
    }
    log.info("Knowledge folder {} now leads to {}; re-indexing", root, now);
    target = now;
    reRegister(now);
    return true;
  }

  /** Registers new subfolders so that files created in them are seen too. */
  private void handle(WatchKey key) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        reRegister(target);
      } else if (event.kind() == ENTRY_CREATE) {
        Path created = dir.resolve((Path) event.context());
        if (Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)) {
          reRegister(created);
        }
      }
    }
    key.reset();
  }

  private void reRegister(Path dir) {
    try {
      registerTree(dir);
    } catch (IOException | RuntimeException e) {
      log.warn("Cannot watch {}: {}", dir, e.toString());
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      watcher.close();
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (IOException e) {
      log.debug("Closing the watch service failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
