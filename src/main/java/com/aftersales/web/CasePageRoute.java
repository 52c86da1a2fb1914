package com.aftersales.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /cases/{caseId}}: the case page (售后单), and {@code /cases}: the case search. One static
 * page reads the case id from its address and everything else from {@code /api} with the Tasklist
 * session; it may be framed only by our own pages (Tasklist's 售后单 tab).
 */
@Controller
class CasePageRoute {

  @GetMapping({"/cases", "/cases/", "/cases/{caseId}"})
  String page(HttpServletResponse response) {
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' blob:; object-src 'none'; frame-ancestors 'self'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-cache");
    return "forward:/case/index.html";
  }
}
