package com.aftersales.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/** Registers the small servlet filters around our API and the engine's REST answers. */
public final class Filters {

  /** What a filter does with one request. */
  @FunctionalInterface
  public interface Body {
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException;
  }

  private Filters() {}

  /** A filter named {@code name}, run once per request on {@code urlPatterns}, in {@code order}. */
  public static FilterRegistrationBean<OncePerRequestFilter> register(
      String name, int order, Body body, String... urlPatterns) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                body.filter(request, response, chain);
              }
            });
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(order);
    return registration;
  }
}
