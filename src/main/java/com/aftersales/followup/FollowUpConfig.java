package com.aftersales.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aftersales.follow-up.*}: who gets called when, the regions with their calling slots, the
 * spot-check share. Defaults follow SOP §7; every figure is configuration. The daily run's {@code
 * daily-run} and {@code daily-run-enabled} are read by {@link FollowUpScheduler}.
 *
 * @param receivedAfterDays a delivered order is called this long after sign-off (a number is days)
 * @param notReceivedAfterDays a shipped order nobody signed for is called this long after payment
 * @param windowDays orders that became due longer ago than this are left alone
 * @param maxAttempts calls before an unreachable buyer is given up
 * @param spotCheckShare the share of a day's reached calls a supervisor scores, 0 to 1
 * @param regions the regions and their calling slots
 * @param other the region of provinces no region lists, and of addresses naming none
 */
@Validated
@ConfigurationProperties(prefix = "aftersales.follow-up")
public record FollowUpConfig(
    @DefaultValue("3") @DurationUnit(ChronoUnit.DAYS) @DurationMin(days = 0)
        Duration receivedAfterDays,
    @DefaultValue("5") @DurationUnit(ChronoUnit.DAYS) @DurationMin(days = 0)
        Duration notReceivedAfterDays,
    @DefaultValue("7") @DurationUnit(ChronoUnit.DAYS) @DurationMin(days = 1) Duration windowDays,
    @DefaultValue("3") @Min(1) int maxAttempts,
    @DefaultValue("0.10") @DecimalMin("0") @DecimalMax("1") double spotCheckShare,
    @DefaultValue List<@Valid Region> regions,
    @Valid Region other) {

  private static final LocalTime SLOT_START = LocalTime.of(10, 0);
  private static final LocalTime SLOT_END = LocalTime.of(12, 0);

  /**
   * A region: its provinces and the slot (shop time) in which its buyers are called.
   *
   * @param code as written to the follow-up record
   * @param name as shown on the call
   */
  public record Region(
      @NotBlank String code,
      @NotBlank String name,
      @DefaultValue List<String> provinces,
      @DefaultValue("10:00") @NotNull LocalTime slotStart,
      @DefaultValue("12:00") @NotNull LocalTime slotEnd) {

    public Region {
      provinces = provinces == null ? List.of() : List.copyOf(provinces);
      slotStart = slotStart == null ? SLOT_START : slotStart;
      slotEnd = slotEnd == null ? SLOT_END : slotEnd;
      if (!slotStart.isBefore(slotEnd)) {
        throw new IllegalArgumentException(
            "the calling slot of region " + code + " ends (" + slotEnd + ") before it starts");
      }
    }
  }

  public FollowUpConfig {
    regions = regions == null ? List.of() : List.copyOf(regions);
    // the catch-all keeps its code and name when only its slot is configured
    other =
        other == null
            ? new Region("OTHER", "其他/地址不详", List.of(), SLOT_START, SLOT_END)
            : new Region(
                other.code() == null ? "OTHER" : other.code(),
                other.name() == null ? "其他/地址不详" : other.name(),
                other.provinces(),
                other.slotStart(),
                other.slotEnd());
  }

  /** The region of a province, or the catch-all. */
  public Region region(String province) {
    if (province == null) {
      return other;
    }
    return regions.stream().filter(r -> r.provinces().contains(province)).findFirst().orElse(other);
  }
}
