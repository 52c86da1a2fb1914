package com.aftersales.bench;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The baselines' engine: a second, stock Camunda engine on the application's own database and
 * transaction manager, with the application engine's settings (history level, authorization,
 * batching, id generator, history time to live, default task permission, revoke checks) and nothing
 * of ours attached — no plugins, no parse listeners, no Spring event bridge (so no timeline rows),
 * no custom history handling, no job executor. What the bare models cost here is what the engine
 * itself costs.
 */
final class BareEngine {

  private BareEngine() {}

  static ProcessEngine start(
      String name,
      ProcessEngine ours,
      DataSource dataSource,
      PlatformTransactionManager transactions) {
    ProcessEngineConfigurationImpl o =
        (ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration();
    SpringTransactionsProcessEngineConfiguration c =
        new SpringTransactionsProcessEngineConfiguration();
    c.setProcessEngineName(name);
    c.setDataSource(dataSource);
    c.setTransactionManager(transactions);
    c.setDatabaseSchemaUpdate("false");
    c.setDatabaseType(o.getDatabaseType());
    c.setHistory(o.getHistory());
    c.setAuthorizationEnabled(o.isAuthorizationEnabled());
    c.setAuthorizationCheckRevokes(o.getAuthorizationCheckRevokes());
    c.setJdbcBatchProcessing(o.isJdbcBatchProcessing());
    c.setDefaultUserPermissionNameForTask(o.getDefaultUserPermissionNameForTask());
    c.setGroupResourceWhitelistPattern(o.getGroupResourceWhitelistPattern());
    c.setEnforceHistoryTimeToLive(o.isEnforceHistoryTimeToLive());
    c.setHistoryTimeToLive(o.getHistoryTimeToLive());
    c.setDefaultNumberOfRetries(o.getDefaultNumberOfRetries());
    c.setDefaultSerializationFormat(o.getDefaultSerializationFormat());
    c.setCmmnEnabled(o.isCmmnEnabled());
    c.setDmnEnabled(o.isDmnEnabled());
    c.setStandaloneTasksEnabled(o.isStandaloneTasksEnabled());
    c.setMetricsEnabled(o.isMetricsEnabled());
    c.setDbMetricsReporterActivate(false);
    c.setHistoryCleanupEnabled(false);
    c.setJobExecutorActivate(false);
    if (o.getIdGenerator() instanceof StrongUuidGenerator) {
      c.setIdGenerator(new StrongUuidGenerator());
    }
    return c.buildProcessEngine();
  }
}
