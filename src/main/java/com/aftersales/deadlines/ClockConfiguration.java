package com.aftersales.deadlines;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business clock: the shop's time zone (Asia/Shanghai unless configured otherwise). */
@Configuration
class ClockConfiguration {

  @Bean
  Clock clock(@Value("${aftersales.business-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
