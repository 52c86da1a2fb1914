package com.aftersales.shifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The shifts as application.yaml configures them; a shift that cannot be stops the start. */
class ShiftsConfigTest {

  @Configuration
  @EnableConfigurationProperties(ShiftsConfig.class)
  static class Config {}

  private final ApplicationContextRunner app =
      new ApplicationContextRunner()
          .withInitializer(new ConfigDataApplicationContextInitializer())
          .withUserConfiguration(Config.class);

  @Test
  void bindsSeed004sTwoHalvesOfTheDayRotatingWeekly() {
    app.run(
        context -> {
          ShiftsConfig shifts = context.getBean(ShiftsConfig.class);
          assertThat(shifts.definitions())
              .extracting(
                  ShiftsConfig.Shift::code, ShiftsConfig.Shift::starts, ShiftsConfig.Shift::ends)
              .containsExactly(
                  tuple("EARLY", LocalTime.of(9, 0), LocalTime.of(15, 0)),
                  tuple("LATE", LocalTime.of(15, 0), LocalTime.of(21, 0)));
          assertThat(shifts.releaseAtEnd()).isEqualTo(ShiftsConfig.ReleaseAtEnd.POOL);
          assertThat(shifts.next(shifts.find("EARLY").orElseThrow()))
              .map(ShiftsConfig.Shift::code)
              .contains("LATE");
          // one rotation a week: early and late swap
          assertThat(shifts.rotated("EARLY")).map(ShiftsConfig.Shift::code).contains("LATE");
          assertThat(shifts.rotated("LATE")).map(ShiftsConfig.Shift::code).contains("EARLY");
          assertThat(shifts.rotated("MORNING")).isEmpty();
          assertThat(shifts.rotation().enabled()).isTrue();
          assertThat(shifts.rotation().cron()).isEqualTo("0 0 18 * * FRI");
        });
    new ApplicationContextRunner()
        .withUserConfiguration(Config.class)
        .run(
            context ->
                assertThat(context.getBean(ShiftsConfig.class).definitions())
                    .isEqualTo(ShiftsConfig.DEFAULT_DEFINITIONS));
  }

  @Test
  void threeFourHourShiftsStayPossibleByConfiguration() {
    app.withPropertyValues(
            java.util.stream.Stream.of(
                    shift(0, "MORNING", "09:00", "13:00"),
                    shift(1, "MIDDLE", "13:00", "17:00"),
                    shift(2, "EVENING", "17:00", "21:00"))
                .flatMap(java.util.Arrays::stream)
                .toArray(String[]::new))
        .run(
            context -> {
              ShiftsConfig shifts = context.getBean(ShiftsConfig.class);
              assertThat(shifts.definitions())
                  .extracting(ShiftsConfig.Shift::code)
                  .containsExactly("MORNING", "MIDDLE", "EVENING");
              assertThat(shifts.next(shifts.find("MORNING").orElseThrow()))
                  .map(ShiftsConfig.Shift::code)
                  .contains("MIDDLE");
              assertThat(shifts.rotated("EVENING"))
                  .map(ShiftsConfig.Shift::code)
                  .contains("MORNING");
              assertThat(shifts.choices()).isEqualTo("MORNING 班0、MIDDLE 班1、EVENING 班2");
            });
  }

  @Test
  void refusesAShiftThatCannotBeNamingTheSetting() {
    // a list comes whole from one place: these replace application.yaml's shifts
    app.withPropertyValues(
            both(shift(0, "MORNING", "09:00", "13:00"), shift(1, "MIDDLE", "13:00", "12:00")))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("aftersales.shifts")
                    .hasStackTraceContaining("MIDDLE must start before it ends"));
    app.withPropertyValues(
            both(shift(0, "MORNING", "09:00", "13:00"), shift(1, "MORNING", "13:00", "17:00")))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("MORNING is defined twice"));
    app.withPropertyValues("aftersales.shifts.release-at-end=LATER")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("aftersales.shifts.release-at-end"));
  }

  private static String[] shift(int i, String code, String starts, String ends) {
    String p = "aftersales.shifts.definitions[" + i + "].";
    return new String[] {
      p + "code=" + code, p + "name=班" + i, p + "starts=" + starts, p + "ends=" + ends
    };
  }

  private static String[] both(String[] first, String[] second) {
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(first), java.util.Arrays.stream(second))
        .toArray(String[]::new);
  }
}
