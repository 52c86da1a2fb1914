package com.aftersales.orders;

import java.util.concurrent.Executor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Imports run a few at a time beside the web requests, never on a request thread; a few more wait
 * for a place, and an upload beyond that is refused with a clear message (see {@link
 * OrderImporter}). Each import records the node that runs it ({@link ImportNode}).
 */
@Configuration
@EnableConfigurationProperties(ImportLimits.class)
class ImportExecutorConfiguration {

  @Bean
  Executor orderImportExecutor(ImportLimits limits) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(limits.concurrent());
    executor.setMaxPoolSize(limits.concurrent());
    executor.setQueueCapacity(limits.queued());
    executor.setThreadNamePrefix("order-import-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(60);
    executor.initialize();
    return executor;
  }

  @Bean
  ImportNode importNode(Environment env) {
    return ImportNode.of(env);
  }
}
