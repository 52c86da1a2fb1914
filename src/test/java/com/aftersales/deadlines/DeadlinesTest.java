package com.aftersales.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The deadlines as application.yaml configures them, bound as at start; a mistyped or missing
 * deadline stops the application at start, with the setting named.
 */
class DeadlinesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Configuration
  @EnableConfigurationProperties({
    DeadlineSettings.class,
    ServiceHours.class,
    WorkingDays.class,
    RetryCycles.class,
    ClockConfiguration.BusinessZone.class
  })
  @Import({ClockConfiguration.class, ExpressionNames.class, Deadlines.class})
  static class Config {}

  /** application.yaml, as the application reads it, with the given properties on top. */
  private final ApplicationContextRunner app =
      new ApplicationContextRunner()
          .withInitializer(new ConfigDataApplicationContextInitializer())
          .withUserConfiguration(Config.class);

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  @Test
  void acceptsIsoDurationsAndPeriods() {
    app.withPropertyValues(
            "aftersales.deadlines.refund-report=PT48H",
            "aftersales.deadlines.evidence-give-up=P7D",
            "aftersales.deadlines.dispute-review=P1DT12H",
            "aftersales.deadlines.spot-check-due=P2W")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Deadlines d = context.getBean(Deadlines.class);
              assertThat(d.all()).containsEntry("refundReport", "PT48H");
              // every deadline of the settings is configured
              assertThat(d.all())
                  .hasSize(
                      (int)
                          java.util.Arrays.stream(DeadlineSettings.class.getRecordComponents())
                              .filter(c -> c.getType() == Deadline.class)
                              .count())
                  .containsEntry("logisticsNoMovement", "P4D")
                  .containsKey("priceDropDecision");
              Instant start = at("2026-11-23T20:30:00");
              assertThat(d.due("disputeReview", start)).isEqualTo(at("2026-11-25T08:30:00"));
              assertThat(d.due("spotCheckDue", start)).isEqualTo(at("2026-12-07T20:30:00"));
            });
  }

  @Test
  void monthsAreCalendarMonthsNotDropped() {
    app.withPropertyValues("aftersales.deadlines.reship-receipt-give-up=P1M")
        .run(
            context -> {
              Deadlines d = context.getBean(Deadlines.class);
              // the text is what a timer reads: ${deadlines.reshipReceiptGiveUp}
              assertThat(d.get("reshipReceiptGiveUp")).isEqualTo("P1M");
              assertThat(d.due("reshipReceiptGiveUp", at("2026-01-31T10:00:00")))
                  .isEqualTo(at("2026-02-28T10:00:00"));
              assertThat(d.due("reshipReceiptGiveUp", at("2026-11-23T10:00:00")))
                  .isEqualTo(at("2026-12-23T10:00:00"));
            });
  }

  @Test
  void eachDeadlineRunsOnItsConfiguredClock() {
    Instant evening = at("2026-11-23T20:30:00");
    app.withPropertyValues(
            "aftersales.deadlines.evidence-reminder=PT2H",
            "aftersales.deadlines.service-time=complaintRespond")
        .run(
            context -> {
              Deadlines d = context.getBean(Deadlines.class);
              // calendar time: 22:30 the same evening
              assertThat(d.due("evidenceReminder", evening))
                  .isEqualTo(evening.plus(Duration.ofHours(2)));
              assertThat(d.due("evidenceGiveUp", evening))
                  .isEqualTo(evening.plus(Duration.ofDays(7)));
              // service time: 10:30 the next morning
              assertThat(d.due("complaintRespond", evening)).isEqualTo(at("2026-11-24T10:30:00"));
            });
    app.withPropertyValues("aftersales.deadlines.service-time=evidenceReminder,noSuchDeadline")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("noSuchDeadline"));
    app.withPropertyValues(
            "aftersales.deadlines.complaint-handle=P1M",
            "aftersales.deadlines.service-time=complaintHandle")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("aftersales.deadlines.complaint-handle")
                    .hasMessageContaining("months"));
  }

  @Test
  void theDisputeReviewCountsThePlatformsWorkingDays() {
    app.run(
        context -> {
          Deadlines d = context.getBean(Deadlines.class);
          // as configured: 3 calendar days of evidence, then 4 working days of review
          assertThat(d.due("disputeEvidence", at("2026-11-25T10:00:00")))
              .isEqualTo(at("2026-11-28T10:00:00"));
          // a Friday start lands on Thursday next week, not on Tuesday (6 calendar days)
          assertThat(d.due("disputeVerdict", at("2026-11-27T10:00:00")))
              .isEqualTo(at("2026-12-03T10:00:00"));
          // an evidence window that ends on a Saturday: the review starts on Monday
          assertThat(d.due("disputeVerdict", at("2026-11-28T10:00:00")))
              .isEqualTo(at("2026-12-04T00:00:00"));
        });
    app.withPropertyValues("aftersales.working-days.holidays=2026-12-01,2026-12-02")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(Deadlines.class)
                            .due("disputeVerdict", at("2026-11-27T10:00:00")))
                    .isEqualTo(at("2026-12-07T10:00:00")));
    app.withPropertyValues("aftersales.deadlines.dispute-verdict=P4DT12H")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("aftersales.deadlines.dispute-verdict")
                    .hasMessageContaining("whole days"));
    app.withPropertyValues("aftersales.deadlines.working-days=disputeVerdict,noSuchDeadline")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("noSuchDeadline"));
    app.withPropertyValues(
            "aftersales.deadlines.service-time=disputeVerdict",
            "aftersales.deadlines.working-days=disputeVerdict")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "both aftersales.deadlines.service-time and working-days"));
  }

  @Test
  void refusesAnythingElseNamingTheSetting() {
    for (String bad : new String[] {"48h", "P", "PT", "P1DT", "-PT1H", "P1W2D", "p7d"}) {
      app.withPropertyValues("aftersales.deadlines.refund-report=" + bad)
          .run(
              context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .as(bad)
                    .hasStackTraceContaining("aftersales.deadlines.refund-report")
                    .rootCause()
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("PT24H");
              });
    }
  }

  @Test
  void refusesAMissingDeadlineNamingTheSetting() {
    new ApplicationContextRunner()
        .withUserConfiguration(Config.class)
        .withPropertyValues("aftersales.deadlines.evidence-reminder=PT24H")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "aftersales.deadlines.evidence-give-up is not configured"));
  }

  @Test
  void modelsReachTheConfigurationByTheirBeanNames() {
    app.run(
        context -> {
          assertThat(context.getBean("deadlines")).isInstanceOf(Deadlines.class);
          assertThat(context.getBean("retryCycles", RetryCycles.class).getBackOffice())
              .isEqualTo("R3/PT1M");
          assertThat(context.getBean("serviceHours")).isInstanceOf(ServiceHours.class);
        });
    app.withPropertyValues("aftersales.retry.back-office=R3/1M")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("aftersales.retry.back-office"));
  }
}
