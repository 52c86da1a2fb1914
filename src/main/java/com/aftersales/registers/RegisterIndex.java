package com.aftersales.registers;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code GET /api/registers}: every register with its columns and the filters it takes, so one page
 * ({@code /registers}) shows any register, including ones added later, without knowing it.
 */
@RestController
class RegisterIndex {

  /** A register as the page needs it: where, what, which columns, which filters. */
  record Entry(
      String path,
      String title,
      List<Register.Column> columns,
      boolean byAgent,
      boolean byType,
      boolean byOrder) {}

  @GetMapping("/api/registers")
  List<Entry> registers() {
    return Arrays.stream(Register.values())
        .map(
            r ->
                new Entry(
                    r.path(),
                    r.title(),
                    r.columns(),
                    r.agentColumn() != null,
                    r.typeColumn() != null,
                    r.orderColumn() != null))
        .toList();
  }

  /** {@code /registers} opens the register page (a register chosen with {@code ?r=returns}). */
  @Configuration
  static class Page implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
      registry
          .addRedirectViewController("/registers", "/console/registers.html")
          .setKeepQueryParams(true);
    }
  }
}
