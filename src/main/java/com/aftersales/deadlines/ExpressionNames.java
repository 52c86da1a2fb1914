package com.aftersales.deadlines;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Models call configuration by bean name: {@code ${retryCycles.backOffice}} in released and current
 * models, {@code ${serviceHours.due('PT2H')}} as documented. Configuration records get Spring's
 * conventional names ({@code aftersales.retry-com.aftersales.deadlines.RetryCycles}), so they also
 * get the names the models use. ({@code deadlines} is a component of its own, {@link Deadlines}.)
 */
@Configuration
class ExpressionNames {

  @Bean
  static BeanFactoryPostProcessor modelBeanNames() {
    return beans -> {
      alias(beans, RetryCycles.class, "retryCycles");
      alias(beans, ServiceHours.class, "serviceHours");
    };
  }

  private static void alias(ConfigurableListableBeanFactory beans, Class<?> type, String name) {
    String[] names = beans.getBeanNamesForType(type, false, false);
    if (names.length != 1) {
      throw new IllegalStateException(
          "expected one "
              + type.getSimpleName()
              + " bean for ${"
              + name
              + "}, found "
              + names.length);
    }
    beans.registerAlias(names[0], name);
  }
}
