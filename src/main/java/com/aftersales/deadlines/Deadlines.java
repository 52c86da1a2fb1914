package com.aftersales.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Every deadline of the flows ({@link DeadlineSettings}, {@code aftersales.deadlines.*}) as the
 * models and the services use them, so a deadline changes without touching a model.
 *
 * <p>Models reach it by the bean name {@code deadlines} in two ways, both used by released models
 * and so both kept: {@code timeDuration="${deadlines.evidenceReminder}"} reads the configured text
 * (the bean is a read-only map from name to ISO-8601 text, which is how an expression reads a
 * property without a getter per deadline), and {@code camunda:dueDate="${deadlines.due('name')}"}
 * computes the due date on the deadline's clock (calendar or service time).
 *
 * <p>The configuration is checked when the application starts: a deadline that is missing, is no
 * ISO-8601 duration, counts service time but has months, or counts working days but is not whole
 * days, stops the start naming its property. A deadline on the working-day clock is meant for
 * {@code due}/{@code dueFrom}: its text ({@code P4D}) read as a timer duration would count calendar
 * days.
 */
@Component("deadlines")
public class Deadlines extends AbstractMap<String, String> {

  private final Map<String, Deadline> deadlines;
  private final Map<String, String> texts;
  private final Set<String> serviceTime;
  private final Set<String> workingDayNames;
  private final ServiceHours serviceHours;
  private final WorkingDays workingDays;
  private final ZoneId zone;

  Deadlines(
      DeadlineSettings settings, ServiceHours serviceHours, WorkingDays workingDays, Clock clock) {
    this.deadlines = settings.byName();
    Map<String, String> texts = new LinkedHashMap<>();
    deadlines.forEach((name, d) -> texts.put(name, d.toString()));
    this.texts = Collections.unmodifiableMap(texts);
    this.serviceTime = settings.serviceTime();
    this.workingDayNames = settings.workingDays();
    this.serviceHours = serviceHours;
    this.workingDays = workingDays;
    this.zone = clock.getZone();
    checkWorkingDays();
    for (String name : serviceTime) {
      Deadline d = deadlines.get(name);
      if (d == null) {
        throw new IllegalStateException(
            DeadlineSettings.PREFIX + "service-time names " + name + ", which is no deadline");
      }
      if (d.hasMonths()) {
        throw new IllegalStateException(
            DeadlineSettings.property(name)
                + " = "
                + d
                + " counts service hours (aftersales.deadlines.service-time), which cannot count"
                + " months or years: give it in days or hours");
      }
    }
  }

  private void checkWorkingDays() {
    for (String name : workingDayNames) {
      Deadline d = deadlines.get(name);
      if (d == null) {
        throw new IllegalStateException(
            DeadlineSettings.PREFIX + "working-days names " + name + ", which is no deadline");
      }
      if (serviceTime.contains(name)) {
        throw new IllegalStateException(
            DeadlineSettings.property(name)
                + " is listed in both aftersales.deadlines.service-time and working-days:"
                + " name it in one of them");
      }
      if (!d.isWholeDays()) {
        throw new IllegalStateException(
            DeadlineSettings.property(name)
                + " = "
                + d
                + " counts working days (aftersales.deadlines.working-days): give it in whole"
                + " days such as P4D");
      }
    }
  }

  /**
   * When the named deadline falls due if it starts now, on its configured clock. Models use it as
   * {@code camunda:dueDate="${deadlines.due('refundReport')}"} or in a timer's {@code timeDate}.
   */
  public Date due(String name) {
    return Date.from(due(name, ClockUtil.getCurrentTime().toInstant()));
  }

  /**
   * When the named deadline falls due if it started at {@code start}. The engine's clock is "now"
   * everywhere, so tests that move it move every deadline with it.
   */
  public Date dueFrom(String name, Date start) {
    return Date.from(due(name, start.toInstant()));
  }

  Instant due(String name, Instant start) {
    Deadline d = deadlines.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no deadline " + DeadlineSettings.property(name));
    }
    if (workingDayNames.contains(name)) {
      return workingDays.plus(start, d.days());
    }
    return serviceTime.contains(name) ? serviceHours.plus(start, d.exact()) : d.after(start, zone);
  }

  /** All deadlines by name, as configured (ISO-8601 text), for documentation and model checks. */
  public Map<String, String> all() {
    return texts;
  }

  /** {@code ${deadlines.refundReport}}: the configured text, as a timer reads it. */
  @Override
  public String get(Object name) {
    return texts.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    return texts.containsKey(name);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return texts.entrySet();
  }
}
