package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.Postgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on PostgreSQL: the schema is created by the first start that is allowed
 * to, the administrator comes from the environment, and there are no demo users or demo orders.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class PostgresProfileIT {

  @DynamicPropertySource
  static void production(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "aftersales_prod");
    registry.add("AFTERSALES_SCHEMA_UPDATE", () -> "true");
    registry.add("AFTERSALES_ADMIN_USER", () -> "boss");
    registry.add("AFTERSALES_ADMIN_PASSWORD", () -> "s3cret-from-env");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @Test
  void startsWithTheAdministratorFromTheEnvironmentAndNoDemoData() {
    assertThat(identity.checkPassword("boss", "s3cret-from-env")).isTrue();
    assertThat(identity.createUserQuery().userId("agent1").count()).isZero();
    assertThat(identity.createUserQuery().userId("admin").count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from shop_order", Integer.class)).isZero();
    assertThat(identity.createGroupQuery().groupId("process-owners").count()).isEqualTo(1);
    assertThat(
            repository.createProcessDefinitionQuery().processDefinitionKey("damage-claim").count())
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
  }
}
