package com.aftersales.refund;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/refunds}: finance's pending refunds and bulk approval, and the back office's refund
 * events.
 */
@RestController
@RequestMapping("/api/refunds")
class RefundController {

  /** The body of a bulk approval. */
  record Approval(List<RefundDesk.Item> items) {}

  private final RefundDesk desk;

  RefundController(RefundDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/pending")
  RefundDesk.PendingPage pending(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return desk.pending(page, size);
  }

  @PostMapping("/approvals")
  RefundDesk.BulkResult approve(@RequestBody(required = false) Approval approval) {
    return desk.approve(approval == null ? null : approval.items());
  }

  @PostMapping("/events")
  RefundDesk.EventResult event(@RequestBody(required = false) RefundDesk.Event event) {
    return desk.receive(event);
  }
}
