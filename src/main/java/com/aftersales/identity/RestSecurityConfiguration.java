package com.aftersales.identity;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic in front of {@code /engine-rest} (the desktop Modeler deploys through it) and our own
 * {@code /api}, and the operations login in front of {@code /actuator}. Without it, anonymous REST
 * calls would bypass every authorization check.
 */
@Configuration
class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("aftersales-rest-auth");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.setOrder(1);
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setAsyncSupported(true);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(
      org.camunda.bpm.engine.IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
    registration.setName("aftersales-api-auth");
    registration.setOrder(2);
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /**
   * {@code /actuator}: health for anyone, the rest for operations ({@link ActuatorAccessFilter}).
   */
  @Bean
  FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(
      org.camunda.bpm.engine.IdentityService identity) {
    FilterRegistrationBean<ActuatorAccessFilter> registration =
        new FilterRegistrationBean<>(new ActuatorAccessFilter(identity));
    registration.setName("aftersales-actuator-auth");
    registration.setOrder(3);
    registration.addUrlPatterns("/actuator", "/actuator/*");
    return registration;
  }
}
