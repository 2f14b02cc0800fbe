package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

  static final Reply ANSWER = new Reply("25 days.", List.of(), 0.7, Set.of(), Reply.Mode.EXTRACTIVE, List.of());

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-25T09:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static Question from(String asker) {
    return Question.first("How much leave?", Asker.anonymous(asker), Platform.SLACK);
  }

  @Test
  void shouldRefuseTheEleventhQuestionInAMinuteFromOneAskerOnly() {
    // given
    ManualClock clock = new ManualClock();
    AtomicInteger answered = new AtomicInteger();
    AdmissionControl control = new AdmissionControl(q -> {
      answered.incrementAndGet();
      return ANSWER;
    }, 10, 1000, 4, Duration.ofSeconds(1), clock);

    // when
    for (int i = 0; i < 10; i++) {
      assertTrue(control.answer(from("slack:T:U1")).isAnswer());
    }
    Reply eleventh = control.answer(from("slack:T:U1"));
    Reply someoneElse = control.answer(from("slack:T:U2"));
    clock.now = clock.now.plusSeconds(61);
    Reply aMinuteLater = control.answer(from("slack:T:U1"));

    // then
    assertFalse(eleventh.isAnswer());
    assertTrue(eleventh.has(Reply.Flag.REFUSED));
    assertEquals(AdmissionControl.TOO_MANY, eleventh.text());
    assertTrue(someoneElse.isAnswer());
    assertTrue(aMinuteLater.isAnswer());
    assertEquals(12, answered.get());
  }

  @Test
  void shouldBoundTheRateOfAllAskersTogether() {
    // given: 10 a minute per asker, 25 a minute for everyone
    ManualClock clock = new ManualClock();
    AtomicInteger answered = new AtomicInteger();
    AdmissionControl control = new AdmissionControl(q -> {
      answered.incrementAndGet();
      return ANSWER;
    }, 10, 25, 4, Duration.ofSeconds(1), clock);

    // when 50 different askers each ask once in the same minute
    int refused = 0;
    for (int i = 0; i < 50; i++) {
      Reply reply = control.answer(from("web:10.0.0." + i));
      if (!reply.isAnswer()) {
        assertEquals(AdmissionControl.BUSY, reply.text());
        refused++;
      }
    }
    clock.now = clock.now.plusSeconds(61);

    // then
    assertEquals(25, answered.get());
    assertEquals(25, refused);
    assertTrue(control.answer(from("web:10.0.0.99")).isAnswer());
  }

  @Test
  void shouldForgetNoAskerWithinTheWindowEvenWhenManyAreTracked() {
    // given
    ManualClock clock = new ManualClock();
    AdmissionControl control = new AdmissionControl(q -> ANSWER, 2, 1_000_000, 4, Duration.ofSeconds(1), clock);
    control.answer(from("slack:T:U1"));
    control.answer(from("slack:T:U1"));

    // when thousands of other askers come by
    for (int i = 0; i < 5_000; i++) {
      control.answer(from("slack:T:other" + i));
    }

    // then U1 is still limited
    assertEquals(AdmissionControl.TOO_MANY, control.answer(from("slack:T:U1")).text());
  }

  @Test
  void shouldBoundConcurrentAnswersAndTellTheOverflowToComeBack() throws Exception {
    // given two slots, both held by slow answers
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(2);
    AdmissionControl control = new AdmissionControl(q -> {
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ANSWER;
    }, 100, 1000, 2, Duration.ofMillis(200), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<Reply> first = pool.submit(() -> control.answer(from("a")));
    Future<Reply> second = pool.submit(() -> control.answer(from("b")));
    assertTrue(started.await(5, TimeUnit.SECONDS));

    // when
    Reply third = control.answer(from("c"));
    release.countDown();

    // then
    assertEquals(AdmissionControl.BUSY, third.text());
    assertTrue(first.get().isAnswer());
    assertTrue(second.get().isAnswer());
    assertTrue(control.answer(from("c")).isAnswer());
    pool.shutdown();
  }
}
