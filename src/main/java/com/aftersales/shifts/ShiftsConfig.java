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
 * @param definitions the shifts, by default 早班 09–13, 中班 13–17, 晚班 17–21
 * @param releaseAtEnd what becomes of tasks still assigned to a shift's agents when it ends
 */
@ConfigurationProperties(prefix = "aftersales.shifts")
public record ShiftsConfig(
    List<Shift> definitions, @DefaultValue("POOL") ReleaseAtEnd releaseAtEnd) {

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
          new Shift("MORNING", "早班", LocalTime.of(9, 0), LocalTime.of(13, 0)),
          new Shift("MIDDLE", "中班", LocalTime.of(13, 0), LocalTime.of(17, 0)),
          new Shift("EVENING", "晚班", LocalTime.of(17, 0), LocalTime.of(21, 0)));

  public ShiftsConfig {
    definitions = definitions == null ? DEFAULT_DEFINITIONS : List.copyOf(definitions);
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

  /** The shift that starts when this one ends, if any. */
  public Optional<Shift> next(Shift shift) {
    return definitions.stream().filter(s -> s.starts().equals(shift.ends())).findFirst();
  }
}
