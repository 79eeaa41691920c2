package io.gaimace.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class BackoffPropertyTest {

  @Property
  void waitsGrowWithAttemptsWithinHalfToFullOfTheCappedDoubling(
      @ForAll @LongRange(min = 1, max = 1_000_000) long attempt) {
    long full =
        Math.min(Backoff.CAP.toMillis(), Backoff.BASE.toMillis() << Math.min(attempt - 1, 20));
    assertThat(Backoff.millis(attempt)).isBetween(full / 2, full);
  }

  @Property(tries = 20)
  void spreadsClientsThatRetryTogether(@ForAll @LongRange(min = 6, max = 50) long attempt) {
    // At the cap, 200 clients retrying at the same attempt must not pick the same moment.
    long distinct =
        java.util.stream.LongStream.range(0, 200)
            .map(i -> Backoff.millis(attempt))
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(100);
  }
}
