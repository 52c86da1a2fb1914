package com.aftersales.shop;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code aftersales.shop.adapter} names neither back office: the start fails at the first step that
 * needs the shop, saying which value is wrong and which ones exist (instead of Spring's "no bean of
 * type ShopBackOffice").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
    "!'${aftersales.shop.adapter:local}'.trim().equals('local')"
        + " and !'${aftersales.shop.adapter:local}'.trim().equals('taobao')")
class UnknownAdapterConfiguration {

  @Bean
  ShopBackOffice unknownShopAdapter(
      @org.springframework.beans.factory.annotation.Value("${aftersales.shop.adapter:local}")
          String adapter) {
    throw new IllegalStateException(
        "aftersales.shop.adapter is \""
            + adapter
            + "\": it must be local (the local back office) or taobao (the Taobao Open Platform)");
  }
}
