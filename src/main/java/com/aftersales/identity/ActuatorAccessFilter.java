package com.aftersales.identity;

import com.aftersales.base.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read {@code /actuator}: health is open to anyone (load balancers ask it without a login),
 * with its details only for operations; every other endpoint (metrics, Prometheus) needs an HTTP
 * Basic login of a member of {@value Roles#OPERATIONS}. Anyone else signed in is refused (403),
 * nobody signed in is asked to sign in (401).
 *
 * <p>A member of operations reaches the endpoint as a principal in the role {@value
 * Roles#OPERATIONS}, which {@code management.endpoint.health.roles} names for the details.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  ActuatorAccessFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    String user = signedIn(request.getHeader("Authorization"));
    Set<String> groups = Set.of();
    try {
      groups = user == null ? Set.of() : groupsOf(user);
    } catch (RuntimeException databaseDown) {
      user = null;
    }
    if (groups.contains(Roles.OPERATIONS)) {
      chain.doFilter(new Operator(request, user), response);
      return;
    }
    if (health) {
      chain.doFilter(request, response); // the status only
      return;
    }
    response.setContentType("application/problem+json;charset=UTF-8");
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"aftersales\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response
          .getWriter()
          .write(
              "{\"type\":\"https://aftersales.example/problems/unauthorized\",\"title\":\"请先登录\","
                  + "\"status\":401,\"detail\":\"监控接口需要运维账号（HTTP Basic）\"}");
    } else {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response
          .getWriter()
          .write(
              "{\"type\":\"https://aftersales.example/problems/forbidden\",\"title\":\"无权访问\","
                  + "\"status\":403,\"detail\":\"只有运维组（operations）可以查看监控接口\"}");
    }
  }

  private String signedIn(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String pair =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon < 0) {
        return null;
      }
      String user = pair.substring(0, colon);
      return identity.checkPassword(user, pair.substring(colon + 1)) ? user : null;
    } catch (RuntimeException e) {
      // a malformed header, or the database (which holds the users) is down: nobody signed in,
      // and health still answers with its status
      return null;
    }
  }

  private Set<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .collect(Collectors.toSet());
  }

  /** The request of a member of operations, as Actuator asks about it. */
  private static final class Operator extends HttpServletRequestWrapper {
    private final String user;

    Operator(HttpServletRequest request, String user) {
      super(request);
      this.user = user;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> user;
    }

    @Override
    public String getRemoteUser() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return Roles.OPERATIONS.equals(role);
    }
  }
}
