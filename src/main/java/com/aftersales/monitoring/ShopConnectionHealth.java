package com.aftersales.monitoring;

import com.aftersales.shop.ShopContact;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Health {@code shopConnection}, with the Taobao adapter only: whether the platform answers with
 * the shop's session. A shop that cannot be reached is {@value #DEGRADED}, not DOWN: every node
 * meets the same platform, so a load balancer taking this node out would not help; the status still
 * tells operations (and answers 200).
 */
@Component("shopConnectionHealthIndicator")
@ConditionalOnProperty(name = "aftersales.shop.adapter", havingValue = "taobao")
class ShopConnectionHealth implements HealthIndicator {

  static final String DEGRADED = "DEGRADED";

  private final ShopContact contact;
  private final Clock clock;
  private final Duration silence;

  ShopConnectionHealth(
      ShopContact contact,
      Clock clock,
      @Value("${aftersales.metrics.shop-silence:PT5M}") Duration silence) {
    this.contact = contact;
    this.clock = clock;
    this.silence = silence;
  }

  @Override
  public Health health() {
    ShopContact.Status status = contact.status();
    OffsetDateTime heard = status.lastHeard();
    boolean quiet = heard == null || heard.isBefore(OffsetDateTime.now(clock).minus(silence));
    Health.Builder health =
        status.sessionExpired() || status.warning() != null || quiet
            ? Health.status(new Status(DEGRADED))
            : Health.up();
    health.withDetail("lastHeard", heard == null ? "never" : heard.toString());
    health.withDetail("sessionExpired", status.sessionExpired());
    if (status.warning() != null) {
      health.withDetail("warning", status.warning());
    }
    return health.build();
  }
}
