package com.aftersales.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every engine command that checks authorizations first asks the database which groups own any
 * authorization at all ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}), only to drop
 * the user's other groups from the check's {@code GROUP_ID_ IN (…)} list. Every task a group may
 * work on has its own authorization row, so that question reads the whole table each time: at
 * 100,000 open tasks 20–30 ms per command, twice for the agent's first page and once per filter
 * count in Tasklist's side bar (docs/performance.md, benchmark 2).
 *
 * <p>Our users belong to one or two groups, so the check is given the user's groups as they are.
 * The result cannot change: a group that owns no authorization matches no row of the check's join,
 * with or without it in the list. {@code aftersales.performance.scan-authorized-groups: true}
 * restores the engine's own behaviour (the benchmark measures both).
 */
@Component
public class AuthorizedGroups extends AbstractProcessEnginePlugin {

  private volatile boolean scan;

  public AuthorizedGroups(
      @Value("${aftersales.performance.scan-authorized-groups:false}") boolean scan) {
    this.scan = scan;
  }

  /** Whether each command asks the database which groups own authorizations (the engine's way). */
  public void setScan(boolean scan) {
    this.scan = scan;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new Manager();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, without the per-command scan unless switched on. */
  private final class Manager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (scan || authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
