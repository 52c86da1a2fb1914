package com.aftersales.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.aftersales.base.InvalidInputException;
import org.slf4j.Marker;

/**
 * A clerk's correctable mistake (an amount above the cap, a missing note) is answered with a 400
 * and the reason; the engine would also log it as an ERROR with a stack trace. This filter keeps
 * those out of the error log, so an ERROR there always means something is really wrong. Registered
 * in {@code logback-spring.xml}.
 */
public class ClerkInputLogFilter extends TurboFilter {

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (t == null
        && params != null
        && params.length > 0
        && params[params.length - 1] instanceof Throwable last) {
      t = last;
    }
    if (t != null
        && level.isGreaterOrEqual(Level.WARN)
        && InputErrorUnwrapping.findOwn(t) instanceof InvalidInputException) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
