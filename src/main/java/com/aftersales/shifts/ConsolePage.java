package com.aftersales.shifts;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /console} opens the supervisor console page. */
@Configuration
class ConsolePage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/console", "/console/index.html");
    registry.addRedirectViewController("/console/", "/console/index.html");
    registry.addRedirectViewController("/refunds", "/console/refunds.html");
    registry.addRedirectViewController("/orders", "/console/orders.html");
  }
}
