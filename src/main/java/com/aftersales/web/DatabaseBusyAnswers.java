package com.aftersales.web;

import com.aftersales.base.Filters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When every database connection stays busy longer than the pool waits (Hikari's 30 s), the
 * engine's REST layer lets the exception escape and Tasklist shows a bare 500. Answered instead 503
 * with a Chinese "busy, try again" and {@code Retry-After}: nothing was done, the clerk may simply
 * try again. Seen with fifty agents at once on one node (docs/performance.md, benchmark 7).
 */
@Configuration
class DatabaseBusyAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBusyAnswers.class);

  static final String MESSAGE = "系统繁忙（数据库连接已满），本次操作没有执行，请稍后再试";

  static final String BODY = "{\"type\":\"ServiceUnavailable\",\"message\":\"" + MESSAGE + "\"}";

  /** Whether {@code e} or one of its causes is a connection the pool could not give in time. */
  static boolean noConnection(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof java.sql.SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseBusy() {
    // outermost of our filters on these paths: the others only rewrite answers that were given
    return Filters.register(
        "aftersales-database-busy",
        Ordered.HIGHEST_PRECEDENCE + 10,
        (request, response, chain) -> {
          try {
            chain.doFilter(request, response);
          } catch (ServletException | RuntimeException e) {
            if (!noConnection(e) || response.isCommitted()) {
              throw e;
            }
            LOG.warn(
                "{} {}: no database connection in time, answered 503",
                request.getMethod(),
                request.getRequestURI());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
          }
        },
        "/engine-rest/*",
        "/camunda/api/*");
  }
}
