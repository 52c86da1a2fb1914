package com.aftersales.deadlines;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one business clock: the engine's clock ({@link EngineClock}) in the shop's time zone. Every
 * time a process or a person sees comes from it, so a test that moves the engine's clock moves
 * timers, due dates, case records and shift ends alike.
 */
@Configuration
class ClockConfiguration {

  /**
   * {@code aftersales.business-zone}: the shop's time zone.
   *
   * @param businessZone Asia/Shanghai unless configured otherwise
   */
  @ConfigurationProperties(prefix = "aftersales")
  record BusinessZone(@DefaultValue("Asia/Shanghai") ZoneId businessZone) {}

  @Bean
  Clock clock(BusinessZone zone) {
    return new EngineClock(zone.businessZone());
  }
}
