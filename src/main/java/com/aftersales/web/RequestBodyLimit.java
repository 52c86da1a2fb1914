package com.aftersales.web;

import com.aftersales.base.Filters;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body that is not a file upload (JSON for our API and the engine's) is read into memory
 * whole, so its size is bounded: a larger one is answered 413 before it is read. Uploads
 * (multipart) have their own limit ({@code spring.servlet.multipart.*}).
 */
@Configuration
class RequestBodyLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(
      @Value("${aftersales.web.max-body-size:1MB}") org.springframework.util.unit.DataSize max) {
    long limit = max.toBytes();
    return Filters.register(
        "aftersales-request-body-limit",
        -100,
        (request, response, chain) -> {
          String type = request.getContentType();
          boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
          if (!upload && request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType("application/problem+json;charset=UTF-8");
            response
                .getOutputStream()
                .write(
                    ("{\"type\":\"https://aftersales.example/problems/too-large\","
                            + "\"title\":\"超出上限\",\"status\":413,"
                            + "\"detail\":\"请求内容超过 "
                            + (limit / 1024)
                            + " KB 的上限，未做任何修改。请分批提交\",\"field\":\"body\"}")
                        .getBytes(StandardCharsets.UTF_8));
            return;
          }
          chain.doFilter(request, response);
        },
        "/api/*",
        "/engine-rest/*");
  }
}
