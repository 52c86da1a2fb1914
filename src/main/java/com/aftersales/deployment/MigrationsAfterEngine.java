package com.aftersales.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the Flyway migrations after the process engine has created (or checked) its schema: some
 * migrations add indexes to the engine's own tables (V6), which must exist first on an empty
 * database.
 */
@Configuration(proxyBeanMethods = false)
class MigrationsAfterEngine {

  static final String FLYWAY = "flywayInitializer";
  static final String ENGINE = "processEngineFactoryBean";

  @Bean
  static BeanFactoryPostProcessor flywayAfterProcessEngine() {
    return factory -> {
      if (!factory.containsBeanDefinition(FLYWAY) || !factory.containsBeanDefinition(ENGINE)) {
        return;
      }
      BeanDefinition flyway = factory.getBeanDefinition(FLYWAY);
      List<String> dependsOn =
          new ArrayList<>(
              flyway.getDependsOn() == null ? List.of() : Arrays.asList(flyway.getDependsOn()));
      dependsOn.add(ENGINE);
      flyway.setDependsOn(dependsOn.toArray(String[]::new));
    };
  }
}
