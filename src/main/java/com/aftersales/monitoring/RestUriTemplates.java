package com.aftersales.monitoring;

import com.aftersales.base.Filters;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Names the endpoint of a request Spring MVC does not route, so {@code http.server.requests} keeps
 * one series per endpoint instead of one per task or case. Spring MVC tags its own requests with
 * their mapping ({@code /api/cases/{caseId}}); {@code /engine-rest} (the Modeler, scripts) and
 * {@code /camunda/api} (what Tasklist and Cockpit call) are served by the engine's REST resources,
 * which Spring would tag UNKNOWN. Here every path segment that is not a plain lower-case word
 * (task, complete, process-definition, a process key) becomes {@code {id}}: {@code
 * /engine-rest/task/{id}/complete}.
 */
@Configuration(proxyBeanMethods = false)
class RestUriTemplates {

  private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{0,63}");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> restUriTemplateFilter() {
    return Filters.register(
        "aftersales-rest-uri-templates",
        0,
        (request, response, chain) -> {
          try {
            chain.doFilter(request, response);
          } finally {
            ServerHttpObservationFilter.findObservationContext(request)
                .filter(c -> c.getPathPattern() == null)
                .ifPresent(
                    c ->
                        c.setPathPattern(
                            template(
                                request
                                    .getRequestURI()
                                    .substring(request.getContextPath().length()))));
          }
        },
        "/engine-rest/*",
        "/camunda/api/*");
  }

  /** {@code /engine-rest/task/4f1c…/complete} → {@code /engine-rest/task/{id}/complete}. */
  static String template(String path) {
    String[] segments = path.split("/", -1);
    StringBuilder t = new StringBuilder();
    for (int i = 1; i < segments.length; i++) {
      t.append('/');
      String s = segments[i];
      t.append(i <= 1 || s.isEmpty() || WORD.matcher(s).matches() ? s : "{id}");
    }
    return t.length() == 0 ? "/" : t.toString();
  }
}
