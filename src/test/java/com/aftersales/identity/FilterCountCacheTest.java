package com.aftersales.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** Which counts the filter count cache keeps, for whom and for how long. */
class FilterCountCacheTest {

  private final AtomicLong clock = new AtomicLong(1_000);
  private final AtomicLong counted = new AtomicLong();
  private final IdentityService identity = mock(IdentityService.class);
  private final FilterCountCache cache = new FilterCountCache(Duration.ofSeconds(10), 1_000);

  FilterCountCacheTest() {
    cache.setNanos(clock::get);
    as("agent1", "agents");
  }

  private void as(String user, String... groups) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of(groups)));
  }

  /** Counts filter {@code f} with the extension {@code ext}; the database holds {@code n} tasks. */
  private long count(String f, String ext, long n) {
    return cache.count(
        identity,
        f,
        ext,
        () -> {
          counted.incrementAndGet();
          return n;
        });
  }

  @Test
  void aLargeCountIsCountedOnceWhileItIsFresh() {
    assertThat(count("mine", "", 50_000)).isEqualTo(50_000);
    clock.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(count("mine", "", 50_001)).isEqualTo(50_000);
    assertThat(counted).hasValue(1);

    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(count("mine", "", 50_001)).isEqualTo(50_001);
    assertThat(counted).hasValue(2);
  }

  @Test
  void aShortQueueIsCountedEveryTime() {
    assertThat(count("mine", "", 999)).isEqualTo(999);
    assertThat(count("mine", "", 998)).isEqualTo(998);
    assertThat(counted).hasValue(2);
  }

  @Test
  void aQueueThatShrankBelowTheLimitIsExactAgainOnceItsEntryExpires() {
    count("mine", "", 1_000);
    clock.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThat(count("mine", "", 3)).isEqualTo(3);
    assertThat(count("mine", "", 2)).isEqualTo(2);
  }

  @Test
  void eachUserGroupSetFilterAndExtensionHasItsOwnCount() {
    count("mine", "", 5_000);
    as("agent2", "agents");
    assertThat(count("mine", "", 6_000)).isEqualTo(6_000);
    as("agent1", "agents", "supervisors");
    assertThat(count("mine", "", 7_000)).isEqualTo(7_000);
    as("agent1", "agents");
    assertThat(count("other", "", 8_000)).isEqualTo(8_000);
    assertThat(count("mine", "{\"sorting\":[]}", 9_000)).isEqualTo(9_000);
    assertThat(count("mine", "", 1)).as("agent1's own, still fresh").isEqualTo(5_000);
    assertThat(counted).hasValue(5);
  }

  @Test
  void theKeyNamesTheUserTheGroupsInAnyOrderAndTheTenants() {
    assertThat(
            FilterCountCache.key(
                new Authentication("a", List.of("x", "agents"), List.of("t")), "f", "e"))
        .isEqualTo(
            FilterCountCache.key(
                new Authentication("a", List.of("agents", "x"), List.of("t")), "f", "e"))
        .isNotEqualTo(
            FilterCountCache.key(new Authentication("a", List.of("agents", "x")), "f", "e"));
    assertThat(FilterCountCache.key(null, "f", "")).endsWith("(nobody)");
  }

  @Test
  void aZeroTimeSwitchesItOff() {
    assertThat(new FilterCountCache(Duration.ZERO, 1_000).enabled()).isFalse();
    assertThat(cache.enabled()).isTrue();
  }
}
