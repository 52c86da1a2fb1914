package com.aftersales.shop.taobao;

import com.aftersales.shop.BuyerMessageLog;
import com.aftersales.shop.ShopContact;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The taobao shop adapter's beans, present only with {@code aftersales.shop.adapter: taobao}. The
 * configuration is checked here, so a missing gateway, key, secret or session stops the start with
 * a message naming the property.
 *
 * <p>Requests are stamped with the system time, not the engine's clock (which tests move): the
 * platform refuses timestamps more than ten minutes off its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftersales.shop.adapter", havingValue = "taobao")
@EnableConfigurationProperties(TaobaoProperties.class)
class TaobaoConfiguration {

  @Bean
  TaobaoShopBackOffice taobaoShopBackOffice(
      TopClient top,
      TaobaoProperties properties,
      BuyerMessageLog messages,
      JdbcTemplate jdbc,
      Clock clock) {
    return new TaobaoShopBackOffice(top, properties, messages, jdbc, clock);
  }

  @Bean
  TopClient topClient(TaobaoProperties properties, ObjectProvider<ShopContact> contacts) {
    TopClient client =
        new TopClient(
            properties.requireComplete(),
            Clock.system(TopClient.PLATFORM_ZONE),
            TopClient.THREAD_SLEEP);
    ShopContact contact = contacts.getIfAvailable();
    if (contact == null) {
      return client;
    }
    client.watchSession(
        new TopClient.SessionWatch() {
          @Override
          public void accepted() {
            contact.sessionAccepted();
          }

          @Override
          public void refused(String method) {
            contact.sessionRefused(method);
          }
        });
    return client;
  }
}
