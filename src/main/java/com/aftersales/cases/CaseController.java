package com.aftersales.cases;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.NotFoundException;
import com.aftersales.shop.Flag;
import com.aftersales.shop.RaisedFlag;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopBackOffice;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cases}: open a case, read a case with its timeline and the messages its buyer got.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  /** The body of {@code POST /api/cases}. */
  record OpenCaseRequest(
      String kind,
      String orderId,
      String buyerId,
      String description,
      Object refundAmount,
      Object returnRequired,
      Object newPrice,
      Object priceCutDate,
      Object priceDropQuantity) {}

  /** A case as the API shows it. */
  record CaseView(
      String caseId,
      CaseKind kind,
      String kindLabel,
      String orderId,
      String buyerId,
      String description,
      CaseStatus status,
      String category,
      String outcome,
      String outcomeLabel,
      String openedBy,
      java.time.OffsetDateTime openedAt,
      java.time.OffsetDateTime closedAt,
      List<String> openTasks,
      List<CaseEvent> timeline,
      List<SentMessage> messages,
      List<FlagView> flags) {}

  /**
   * A flag raised on the case's order: {@code shown} for the one the back office shows (the most
   * urgent), the others wait until it is cleared.
   */
  record FlagView(
      Flag flag,
      String label,
      String meaning,
      String note,
      OffsetDateTime raisedAt,
      boolean shown) {

    static FlagView of(RaisedFlag f) {
      return new FlagView(
          f.flag(), f.flag().label(), f.flag().meaning(), f.note(), f.raisedAt(), f.shown());
    }
  }

  private final CaseService cases;
  private final CaseRepository repository;
  private final OpenTasks openTasks;
  private final ShopBackOffice shop;

  CaseController(
      CaseService cases, CaseRepository repository, OpenTasks openTasks, ShopBackOffice shop) {
    this.shop = shop;
    this.cases = cases;
    this.repository = repository;
    this.openTasks = openTasks;
  }

  @PostMapping
  ResponseEntity<CaseView> open(@RequestBody(required = false) OpenCaseRequest request) {
    if (request == null) {
      throw new InvalidInputException("body", "请求内容为空：需要 kind、orderId、description（买家从订单带出）");
    }
    CaseService.Opened opened =
        cases.open(
            request.kind(),
            request.orderId(),
            request.buyerId(),
            request.description(),
            startFields(request));
    CaseView view = view(opened.record());
    return opened.created()
        ? ResponseEntity.created(URI.create("/api/cases/" + view.caseId())).body(view)
        : ResponseEntity.status(HttpStatus.OK).body(view);
  }

  /** A number as the forms send it (a double), anything else as text for the process to refuse. */
  private static Object number(Object value) {
    return value instanceof Number n ? (Object) n.doubleValue() : value.toString();
  }

  /** A kind's own start fields; numbers as the forms send them, checked by the process. */
  private static java.util.Map<String, Object> startFields(OpenCaseRequest request) {
    java.util.Map<String, Object> fields = new java.util.HashMap<>();
    if (request.refundAmount() != null) {
      Object amount = request.refundAmount();
      CaseVariables.START_REFUND_AMOUNT.put(
          fields, amount instanceof Number n ? (Object) n.doubleValue() : amount.toString());
    }
    if (request.returnRequired() != null) {
      CaseVariables.START_RETURN_REQUIRED.put(fields, request.returnRequired());
    }
    if (request.newPrice() != null) {
      CaseVariables.START_NEW_PRICE.put(fields, number(request.newPrice()));
    }
    if (request.priceCutDate() != null) {
      CaseVariables.START_PRICE_CUT_DATE.put(fields, request.priceCutDate().toString());
    }
    if (request.priceDropQuantity() != null) {
      CaseVariables.START_PRICE_DROP_QUANTITY.put(fields, number(request.priceDropQuantity()));
    }
    return fields;
  }

  @GetMapping("/{caseId}")
  CaseView get(@PathVariable String caseId) {
    return view(cases.find(caseId).orElseThrow(() -> new NotFoundException("找不到售后单 " + caseId)));
  }

  private CaseView view(CaseRecord c) {
    return new CaseView(
        c.caseId(),
        c.kind(),
        c.kind().label(),
        c.orderId(),
        c.buyerId(),
        c.description(),
        c.status(),
        c.category(),
        c.outcome(),
        c.outcomeLabel(),
        c.openedBy(),
        c.openedAt(),
        c.closedAt(),
        c.status() == CaseStatus.OPEN ? openTasks.names(c.caseId()) : List.of(),
        repository.timeline(c.caseId()),
        shop.buyerMessages(c.caseId()),
        c.orderId() == null
            ? List.of()
            : shop.flags(c.orderId()).stream().map(FlagView::of).toList());
  }
}
