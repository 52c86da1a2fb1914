package com.aftersales.shifts;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The shifts of the day ({@code aftersales.shifts.*}) and what happens when one ends. */
@Component
@ConfigurationProperties(prefix = "aftersales.shifts")
public class ShiftsConfig {

  /** What becomes of tasks still assigned to a shift's agents when the shift ends. */
  public enum ReleaseAtEnd {
    POOL,
    INCOMING,
    OFF
  }

  /** One shift: a code, its Chinese name and its hours. */
  public static class Shift {
    private String code;
    private String name;
    private LocalTime starts;
    private LocalTime ends;

    public Shift() {}

    Shift(String code, String name, LocalTime starts, LocalTime ends) {
      this.code = code;
      this.name = name;
      this.starts = starts;
      this.ends = ends;
    }

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public LocalTime getStarts() {
      return starts;
    }

    public void setStarts(LocalTime starts) {
      this.starts = starts;
    }

    public LocalTime getEnds() {
      return ends;
    }

    public void setEnds(LocalTime ends) {
      this.ends = ends;
    }
  }

  private List<Shift> definitions =
      new ArrayList<>(
          List.of(
              new Shift("MORNING", "早班", LocalTime.of(9, 0), LocalTime.of(13, 0)),
              new Shift("MIDDLE", "中班", LocalTime.of(13, 0), LocalTime.of(17, 0)),
              new Shift("EVENING", "晚班", LocalTime.of(17, 0), LocalTime.of(21, 0))));

  private ReleaseAtEnd releaseAtEnd = ReleaseAtEnd.POOL;

  public List<Shift> getDefinitions() {
    return definitions;
  }

  public void setDefinitions(List<Shift> definitions) {
    this.definitions = definitions;
  }

  public ReleaseAtEnd getReleaseAtEnd() {
    return releaseAtEnd;
  }

  public void setReleaseAtEnd(ReleaseAtEnd releaseAtEnd) {
    this.releaseAtEnd = releaseAtEnd;
  }

  public java.util.Optional<Shift> find(String code) {
    return definitions.stream().filter(s -> s.getCode().equals(code)).findFirst();
  }

  /** The shift that starts when this one ends, if any. */
  public java.util.Optional<Shift> next(Shift shift) {
    return definitions.stream().filter(s -> s.getStarts().equals(shift.getEnds())).findFirst();
  }
}
