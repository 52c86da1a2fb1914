package com.aftersales.shifts;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shifts of the day ({@code aftersales.shifts.*}) and what happens when one ends; checked at
 * start.
 *
 * @param definitions the shifts, by default seed 004's two halves of the service day, 早班 09–15 and
 *     晚班 15–21, every day of the week; three 4-hour shifts (or any other split) by configuration
 * @param rotation the weekly rotation: whether next week's roster is generated, and when
 * @param releaseAtEnd what becomes of tasks still assigned to a shift's agents when it ends
 */
@ConfigurationProperties(prefix = "aftersales.shifts")
public record ShiftsConfig(
    List<Shift> definitions,
    @DefaultValue("POOL") ReleaseAtEnd releaseAtEnd,
    @DefaultValue Rotation rotation) {

  /**
   * Next week's roster generated from this week's, every agent moved to the next shift of {@link
   * #definitions} (with two shifts: early and late swap), once a week.
   *
   * @param enabled whether the scheduled job runs
   * @param cron when it runs (shop time), by default Friday 18:00 so the supervisor can still edit
   */
  public record Rotation(
      @DefaultValue("true") boolean enabled, @DefaultValue("0 0 18 * * FRI") String cron) {}

  /** What becomes of tasks still assigned to a shift's agents when the shift ends. */
  public enum ReleaseAtEnd {
    POOL,
    INCOMING,
    OFF
  }

  /** One shift: a code (upper case, as the roster stores it), its Chinese name and its hours. */
  public record Shift(String code, String name, LocalTime starts, LocalTime ends) {

    public Shift {
      if (code == null || code.isBlank() || !code.equals(code.trim().toUpperCase())) {
        throw new IllegalArgumentException(
            "aftersales.shifts.definitions: a shift needs an upper-case code, not '" + code + "'");
      }
      if (name == null || name.isBlank() || starts == null || ends == null) {
        throw new IllegalArgumentException(
            "aftersales.shifts.definitions: shift " + code + " needs a name, starts and ends");
      }
      if (!starts.isBefore(ends)) {
        throw new IllegalArgumentException(
            "aftersales.shifts.definitions: shift " + code + " must start before it ends");
      }
    }
  }

  static final List<Shift> DEFAULT_DEFINITIONS =
      List.of(
          new Shift("EARLY", "早班", LocalTime.of(9, 0), LocalTime.of(15, 0)),
          new Shift("LATE", "晚班", LocalTime.of(15, 0), LocalTime.of(21, 0)));

  public ShiftsConfig {
    definitions = definitions == null ? DEFAULT_DEFINITIONS : List.copyOf(definitions);
    rotation = rotation == null ? new Rotation(true, "0 0 18 * * FRI") : rotation;
    if (definitions.isEmpty()) {
      throw new IllegalArgumentException("aftersales.shifts.definitions: no shift is defined");
    }
    Set<String> codes = new HashSet<>();
    for (Shift s : definitions) {
      if (!codes.add(s.code())) {
        throw new IllegalArgumentException(
            "aftersales.shifts.definitions: shift " + s.code() + " is defined twice");
      }
    }
  }

  public Optional<Shift> find(String code) {
    return definitions.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** The shift an agent of {@code code} works in the week after: the next one, round the day. */
  public Optional<Shift> rotated(String code) {
    for (int i = 0; i < definitions.size(); i++) {
      if (definitions.get(i).code().equals(code)) {
        return Optional.of(definitions.get((i + 1) % definitions.size()));
      }
    }
    return Optional.empty();
  }

  /** The shifts for a message: "EARLY 早班、LATE 晚班". */
  public String choices() {
    return String.join("、", definitions.stream().map(s -> s.code() + " " + s.name()).toList());
  }

  /** The shift that starts when this one ends, if any. */
  public Optional<Shift> next(Shift shift) {
    return definitions.stream().filter(s -> s.starts().equals(shift.ends())).findFirst();
  }
}
