package com.aftersales.orders;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/orders/import}: upload the back office's order report (CSV or .xlsx); the import runs
 * in the background and {@code /api/orders/imports/{id}} shows how far it has come.
 */
@RestController
@RequestMapping("/api/orders")
class OrderImportController {

  private final OrderImporter importer;
  private final IdentityService identity;

  OrderImportController(OrderImporter importer, IdentityService identity) {
    this.importer = importer;
    this.identity = identity;
  }

  @PostMapping("/import")
  ResponseEntity<OrderImporter.Status> upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "wait", defaultValue = "false") boolean wait)
      throws IOException, InterruptedException {
    String user = staff();
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "请选择要导入的订单报表文件（CSV 或 .xlsx）");
    }
    String name = file.getOriginalFilename() == null ? "订单报表" : file.getOriginalFilename();
    OrderImporter.Started started;
    try (InputStream in = file.getInputStream()) {
      started = importer.start(in, name, user);
    }
    URI location = URI.create("/api/orders/imports/" + started.id());
    if (wait) {
      try {
        started.done().get(10, TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException e) {
        // the status says what happened
      }
      return ResponseEntity.ok().location(location).body(importer.status(started.id()));
    }
    return ResponseEntity.accepted().location(location).body(importer.status(started.id()));
  }

  @GetMapping("/imports/{id}")
  OrderImporter.Status status(@PathVariable String id) {
    staff();
    return importer.status(id);
  }

  @GetMapping("/imports/{id}/errors")
  List<OrderImporter.RowError> errors(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    staff();
    if (page < 0) {
      throw new InvalidInputException("page", "页码从 0 开始");
    }
    if (size < 1 || size > 1000) {
      throw new InvalidInputException("size", "每页条数应在 1 到 1000 之间");
    }
    return importer.errors(id, page, size);
  }

  /** Agents import the daily report; supervisors too. */
  private String staff() {
    return Access.require(identity, "只有客服或主管可以导入订单报表", Roles.AGENTS, Roles.SUPERVISORS);
  }
}
