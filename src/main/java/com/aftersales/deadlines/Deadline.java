package com.aftersales.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of one deadline as configured: an ISO-8601 duration in the form a BPMN timer reads
 * ({@code PT24H}, {@code P7D}, {@code P1M}, {@code P1DT12H}). The date part (years, months, days)
 * counts calendar time in the business zone, so {@code P1M} from 31 January falls due on the last
 * day of February; the time part is exact. Weeks stand alone ({@code P2W}), as timers take them;
 * anything a timer cannot read (a sign, {@code 48h}, {@code P1W2D}) is refused.
 */
final class Deadline {

  private static final Pattern WEEKS = Pattern.compile("P(\\d+)W");
  private static final Pattern ISO =
      Pattern.compile(
          "P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?");

  private final String text;
  private final Period date;
  private final Duration time;

  private Deadline(String text, Period date, Duration time) {
    this.text = text;
    this.date = date;
    this.time = time;
  }

  /** Parses a configured value; Spring's binder converts {@code aftersales.deadlines.*} with it. */
  public static Deadline of(String text) {
    String trimmed = text == null ? "" : text.trim();
    Matcher weeks = WEEKS.matcher(trimmed);
    if (weeks.matches()) {
      return new Deadline(trimmed, Period.ofWeeks(number(weeks.group(1))), Duration.ZERO);
    }
    Matcher m = ISO.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not an ISO-8601 duration such as PT24H, P7D or P1M"
              + " (years, months, days, then T and hours, minutes, seconds)");
    }
    Period date = Period.of(number(m.group(1)), number(m.group(2)), number(m.group(3)));
    int t = m.group().indexOf('T');
    Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + m.group().substring(t));
    return new Deadline(m.group(), date, time);
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /** When this deadline falls due if it started at {@code start}, in calendar time. */
  Instant after(Instant start, ZoneId zone) {
    return start.atZone(zone).plus(date).plus(time).toInstant();
  }

  /** Whether it has a month or year part, which only the calendar can count. */
  boolean hasMonths() {
    return date.getYears() != 0 || date.getMonths() != 0;
  }

  /** Whether it is whole days only ({@code P4D}), which is all a working-day deadline can be. */
  boolean isWholeDays() {
    return !hasMonths() && time.isZero() && date.getDays() >= 0;
  }

  /** Its number of days, for counting working days; whole days only. */
  int days() {
    if (!isWholeDays()) {
      throw new IllegalStateException(text + " is not whole days");
    }
    return date.getDays();
  }

  /** Its length as exact time (a day is 24 h), for counting service hours; no months or years. */
  Duration exact() {
    if (hasMonths()) {
      throw new IllegalStateException(text + " has months or years, which have no fixed length");
    }
    return Duration.ofDays(date.getDays()).plus(time);
  }

  /** The configured text, as timers read it ({@code ${deadlines.refundReport}}). */
  @Override
  public String toString() {
    return text;
  }
}
