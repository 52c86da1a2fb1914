package com.aftersales.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code aftersales.follow-up.*} binds with the SOP's defaults and refuses nonsense at start. */
class FollowUpConfigTest {

  @Configuration
  @EnableConfigurationProperties(FollowUpConfig.class)
  static class Binding {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Binding.class);

  @Test
  void shouldDefaultToTheSop() {
    runner.run(
        ctx -> {
          FollowUpConfig c = ctx.getBean(FollowUpConfig.class);
          assertThat(c.receivedAfterDays()).isEqualTo(Duration.ofDays(3));
          assertThat(c.notReceivedAfterDays()).isEqualTo(Duration.ofDays(5));
          assertThat(c.windowDays()).isEqualTo(Duration.ofDays(7));
          assertThat(c.maxAttempts()).isEqualTo(3);
          assertThat(c.spotCheckShare()).isEqualTo(0.10);
          assertThat(c.regions()).isEmpty();
          assertThat(c.region("浙江"))
              .isEqualTo(
                  new FollowUpConfig.Region(
                      "OTHER",
                      "其他/地址不详",
                      java.util.List.of(),
                      LocalTime.of(10, 0),
                      LocalTime.of(12, 0)));
        });
  }

  @Test
  void shouldReadDaysAsNumbersAndRegionsWithTheirSlots() {
    runner
        .withPropertyValues(
            "aftersales.follow-up.received-after-days=4",
            "aftersales.follow-up.regions[0].code=EAST",
            "aftersales.follow-up.regions[0].name=华东",
            "aftersales.follow-up.regions[0].provinces=上海,浙江",
            "aftersales.follow-up.regions[0].slot-start=09:30",
            "aftersales.follow-up.other.slot-start=16:00",
            "aftersales.follow-up.other.slot-end=18:00")
        .run(
            ctx -> {
              FollowUpConfig c = ctx.getBean(FollowUpConfig.class);
              assertThat(c.receivedAfterDays()).isEqualTo(Duration.ofDays(4));
              assertThat(c.region("浙江").code()).isEqualTo("EAST");
              assertThat(c.region("浙江").slotStart()).isEqualTo(LocalTime.of(9, 30));
              assertThat(c.region("浙江").slotEnd()).isEqualTo(LocalTime.of(12, 0));
              // the catch-all keeps its code and name when only its slot is configured
              assertThat(c.region(null).code()).isEqualTo("OTHER");
              assertThat(c.region("广东").slotStart()).isEqualTo(LocalTime.of(16, 0));
            });
  }

  @Test
  void shouldRefuseToStartWithNonsense() {
    for (String bad :
        new String[] {
          "aftersales.follow-up.spot-check-share=1.5",
          "aftersales.follow-up.max-attempts=0",
          "aftersales.follow-up.window-days=0",
          "aftersales.follow-up.regions[0].name=无代码",
          "aftersales.follow-up.other.slot-end=08:00"
        }) {
      runner.withPropertyValues(bad).run(ctx -> assertThat(ctx).as(bad).hasFailed());
    }
  }
}
