package com.aftersales.web;

import com.aftersales.base.Filters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When the engine refuses a change for lack of a permission (403), its REST layer answers in
 * English ("The user with id 'agent1' does not have 'CREATE' permission on resource
 * 'Deployment'."), and the Modeler or Tasklist shows it as it comes. This filter words the message
 * in Chinese; the other fields (user, resource, permission) stay for scripts. Only the changes a
 * clerk or the Modeler makes are looked at, so large query answers are not buffered.
 */
@Configuration
class EngineRefusalMessages {

  private static final ObjectMapper JSON = new ObjectMapper();

  static boolean isChange(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return "POST".equals(request.getMethod())
        && (uri.endsWith("/deployment/create")
            || uri.endsWith("/start")
            || uri.endsWith("/submit-form")
            || uri.endsWith("/complete")
            || uri.endsWith("/claim")
            || uri.endsWith("/assignee"));
  }

  /** The Chinese message for an engine's refusal, or null when the body is not one. */
  static String reworded(String body) {
    try {
      if (!(JSON.readTree(body) instanceof ObjectNode refusal)
          || !"AuthorizationException".equals(refusal.path("type").asText())) {
        return null;
      }
      String permission = refusal.path("permissionName").asText("");
      String resource = refusal.path("resourceName").asText("");
      refusal.put(
          "message",
          "您的账号（"
              + refusal.path("userId").asText("")
              + "）没有权限执行此操作"
              + (permission.isEmpty() ? "" : "（" + resource + "：" + permission + "）")
              + "，请联系店主或客服主管");
      return JSON.writeValueAsString(refusal);
    } catch (IOException e) {
      return null;
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRefusals() {
    return Filters.register(
        "aftersales-engine-refusal-messages",
        1,
        (request, response, chain) -> {
          if (!isChange(request)) {
            chain.doFilter(request, response);
            return;
          }
          ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
          chain.doFilter(request, wrapper);
          if (wrapper.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            String reworded =
                reworded(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
            if (reworded != null) {
              wrapper.resetBuffer();
              wrapper.getOutputStream().write(reworded.getBytes(StandardCharsets.UTF_8));
            }
          }
          wrapper.copyBodyToResponse();
        },
        "/engine-rest/*");
  }
}
