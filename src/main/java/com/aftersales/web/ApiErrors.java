package com.aftersales.web;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.NotFoundException;
import com.aftersales.shop.UnknownOrderException;
import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of our API as {@code application/problem+json}, worded for a shop clerk. Whatever
 * failed was rolled back: an error answer means nothing was written.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage(), "invalid-input");
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler(UnknownOrderException.class)
  ProblemDetail unknownOrder(UnknownOrderException e) {
    ProblemDetail p =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "订单不存在", e.getMessage(), "unknown-order");
    p.setProperty("field", com.aftersales.cases.CaseVariables.ORDER_ID.name());
    return p;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "找不到", e.getMessage(), "not-found");
  }

  @ExceptionHandler(com.aftersales.base.ForbiddenException.class)
  ProblemDetail forbiddenByRole(com.aftersales.base.ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "没有权限", e.getMessage(), "forbidden");
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "没有权限", "您的账号没有权限执行此操作，请联系客服主管", "forbidden");
  }

  @ExceptionHandler(HttpMessageConversionException.class)
  ProblemDetail unreadable(HttpMessageConversionException e) {
    return problem(
        HttpStatus.BAD_REQUEST, "请求格式有误", "请求内容不是有效的 JSON，或字段类型不对（例如金额应为数字、文字应加引号）", "unreadable");
  }

  @ExceptionHandler(
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
  ProblemDetail wrongType(
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String expected =
        type == int.class || type == long.class || type == Integer.class || type == Long.class
            ? "应为整数"
            : type == boolean.class || type == Boolean.class ? "只能是 true 或 false" : "格式不对";
    ProblemDetail p =
        problem(
            HttpStatus.BAD_REQUEST,
            "输入有误",
            "参数 " + e.getName() + " 的值 “" + e.getValue() + "” " + expected,
            "invalid-input");
    p.setProperty("field", e.getName());
    return p;
  }

  @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(
      org.springframework.web.bind.MissingServletRequestParameterException e) {
    ProblemDetail p =
        problem(
            HttpStatus.BAD_REQUEST,
            "输入有误",
            "缺少参数 " + e.getParameterName() + "，请填写后再提交",
            "invalid-input");
    p.setProperty("field", e.getParameterName());
    return p;
  }

  /** The whole request was larger than the server takes at once (spring.servlet.multipart.*). */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(
      org.springframework.web.multipart.MaxUploadSizeExceededException e,
      jakarta.servlet.http.HttpServletRequest request) {
    String detail =
        request.getRequestURI().endsWith("/photos")
            ? "照片超过一次上传的上限。请压缩照片，或分几次上传"
            : "文件超过上传上限。请按日期分批导出订单报表后再导入";
    ProblemDetail p = problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件太大", detail, "too-large");
    p.setProperty("field", "file");
    return p;
  }

  @ExceptionHandler(com.aftersales.base.TooLargeException.class)
  ProblemDetail tooMuch(com.aftersales.base.TooLargeException e) {
    ProblemDetail p = problem(HttpStatus.PAYLOAD_TOO_LARGE, "超出上限", e.getMessage(), "too-large");
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler(com.aftersales.base.BusyException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> busy(com.aftersales.base.BusyException e) {
    return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", "60")
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, "请稍后再试", e.getMessage(), "busy"));
  }

  @ExceptionHandler(org.springframework.transaction.CannotCreateTransactionException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> noConnection(
      org.springframework.transaction.CannotCreateTransactionException e) {
    LOG.warn("no database connection in time, answered 503: {}", e.getMessage());
    return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "系统繁忙",
                DatabaseBusyAnswers.MESSAGE,
                "database-busy"));
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
    ProblemDetail p =
        problem(
            HttpStatus.BAD_REQUEST,
            "请上传文件",
            "请以表单文件（multipart/form-data，字段名 file）上传订单报表",
            "not-multipart");
    p.setProperty("field", "file");
    return p;
  }

  /** The shop's platform refused, or offers no way to do it: a person does it another way. */
  @ExceptionHandler(com.aftersales.shop.ShopRefusedException.class)
  ProblemDetail shopRefused(com.aftersales.shop.ShopRefusedException e) {
    return problem(HttpStatus.CONFLICT, "店铺后台拒绝了这个操作", e.getMessage(), "shop-refused");
  }

  /** The shop's platform cannot be reached now (or its session expired): nothing was done. */
  @ExceptionHandler(com.aftersales.shop.ShopUnavailableException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> shopUnavailable(
      com.aftersales.shop.ShopUnavailableException e) {
    LOG.warn("Shop back office unavailable: {}", e.getClass().getSimpleName());
    return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "60")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "店铺后台暂时无法访问",
                e.getMessage() + "；本次没有做任何修改",
                "shop-unavailable"));
  }

  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    LOG.error("Unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "系统出错", "系统处理时出错，未做任何修改；请稍后重试，如仍失败请联系管理员", "internal");
  }

  private static ProblemDetail problem(
      HttpStatus status, String title, String detail, String type) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("https://aftersales.example/problems/" + type));
    return p;
  }
}
