package com.aftersales.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling {@code /api}: a user signed in to Tasklist (the supervisor console runs in the
 * same browser session), or HTTP Basic for scripts and the back office. The engine then checks
 * every call against that user's authorizations. Changes made with the session must carry the
 * console's {@value #CONSOLE_HEADER} header, which another site cannot send (no cross-site request
 * forgery).
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CONSOLE_HEADER = "X-Aftersales-Console";
  private static final String ENGINE = "default";

  private final IdentityService identity;

  ApiAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = null;
    List<String> groups = List.of();
    UserAuthentication session = fromSession(request.getSession(false));
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] credentials = decode(header.substring(6).trim());
      if (credentials != null && identity.checkPassword(credentials[0], credentials[1])) {
        user = credentials[0];
        groups =
            identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
      }
    } else if (session != null) {
      boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      if (!reading && request.getHeader(CONSOLE_HEADER) == null) {
        response.sendError(
            HttpServletResponse.SC_FORBIDDEN, "missing " + CONSOLE_HEADER + " header");
        return;
      }
      user = session.getIdentityId();
      groups = session.getGroupIds() == null ? List.of() : session.getGroupIds();
    }
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"aftersales\"");
      response.setContentType("application/problem+json;charset=UTF-8");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response
          .getWriter()
          .write(
              "{\"type\":\"https://aftersales.example/problems/unauthorized\",\"title\":\"请先登录\","
                  + "\"status\":401,\"detail\":\"请先登录 Tasklist，或用 HTTP Basic 提供账号和密码\"}");
      return;
    }
    try {
      identity.setAuthentication(user, groups);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static UserAuthentication fromSession(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    return auths == null
        ? null
        : (UserAuthentication) auths.getAuthenticationForProcessEngine(ENGINE);
  }

  private static String[] decode(String token) {
    try {
      String pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
