package com.aftersales.orders;

import com.aftersales.base.BusyException;
import com.aftersales.shop.LocalOrderBook;
import com.aftersales.shop.ReportedOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the back office's order report into the local shop adapter's order book, in the
 * background, batch by batch, with its progress in {@code order_import}. Importing the same file
 * twice changes nothing; a newer file moves order states forward (never back) and ends the dunning
 * case of an order that got paid or closed; a bad row is reported with its line and the others
 * still import. A report lacking columns (a newer export without 买家会员名, say) updates the orders we
 * know with what it has and reports each order we do not know as a refused row.
 *
 * <p>Bounded whatever is uploaded ({@link ImportLimits}): the file is checked before anything is
 * imported (an .xlsx's unpacked size, the number of rows); rows and refused rows are written every
 * {@value #BATCH} together, so memory does not grow with the file or with its errors; a few imports
 * run at once per node and a few more wait; an import whose node died is marked failed.
 */
@Service
public class OrderImporter {

  private static final Logger LOG = LoggerFactory.getLogger(OrderImporter.class);
  static final int BATCH = 500;

  /** An import's state as the status endpoint shows it. */
  public record Status(
      String id,
      String fileName,
      String format,
      String encoding,
      String status,
      int rowsRead,
      int created,
      int updated,
      int unchanged,
      int failed,
      int casesEnded,
      String message,
      String startedBy,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt) {}

  public record RowError(int line, String orderId, String reason) {}

  /** A started import: its id, and a handle to wait for it (scripts and tests). */
  public record Started(String id, Future<?> done) {}

  private final ImportRecords records;
  private final LocalOrderBook book;
  private final TransactionTemplate tx;
  private final RuntimeService runtime;
  private final Executor executor;
  private final Clock clock;
  private final ImportLimits limits;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  OrderImporter(
      ImportRecords records,
      LocalOrderBook book,
      PlatformTransactionManager transactions,
      RuntimeService runtime,
      @Qualifier("orderImportExecutor") Executor executor,
      Clock clock,
      ImportLimits limits) {
    this.records = records;
    this.book = book;
    this.tx = new TransactionTemplate(transactions);
    this.runtime = runtime;
    this.executor = executor;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Stores the upload in a temporary file (never in memory), checks that it is an order report
   * within the limits, and imports it in the background. A file that is not an order report, or is
   * too large, is refused here with nothing imported.
   */
  public Started start(InputStream upload, String fileName, String user) throws IOException {
    Path file = Files.createTempFile("order-report-", ".upload");
    try {
      Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
      ReportFile report = ReportFile.open(file, fileName);
      if (report.format.equals("XLSX")) {
        report.checkUnpackedSize(limits.maxUnpackedSize().toBytes());
      }
      ReportChecks.Layout layout = ReportChecks.layout(report, clock.getZone());
      ReportChecks.checkRowCount(report, layout, limits.maxRows());
      String id = UUID.randomUUID().toString();
      records.begin(id, fileName, report, user, now());
      inFlight.add(id);
      FutureTask<Void> task =
          new FutureTask<>(
              () -> {
                try {
                  run(id, report, layout);
                } finally {
                  inFlight.remove(id);
                  Files.deleteIfExists(file);
                }
                return null;
              });
      try {
        executor.execute(task);
      } catch (TaskRejectedException full) {
        inFlight.remove(id);
        records.forget(id);
        throw new BusyException(
            "正在导入的订单报表已达上限（同时 "
                + limits.concurrent()
                + " 个，排队 "
                + limits.queued()
                + " 个），本次没有导入任何内容。请等前面的导入完成后再上传");
      }
      return new Started(id, task);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  public Status status(String id) {
    return records.status(id);
  }

  public List<RowError> errors(String id, int page, int size) {
    return records.errors(id, page, size);
  }

  // ---------------------------------------------------------------- imports whose node died

  /**
   * Keeps this node's imports (running or waiting) alive, and marks failed the running imports no
   * node has kept alive: their node died. Runs at start and every minute.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(
      fixedDelayString = "${aftersales.orders.import.sweep-every:PT1M}",
      initialDelayString = "${aftersales.orders.import.sweep-every:PT1M}")
  public int sweep() {
    OffsetDateTime now = now();
    inFlight.forEach(id -> records.alive(id, now));
    int failed = records.failStale(now.minus(limits.staleAfter()), now);
    if (failed > 0) {
      LOG.warn("{} order import(s) were running on a node that stopped; marked failed", failed);
    }
    return failed;
  }

  // ---------------------------------------------------------------- the import itself

  private void run(String id, ReportFile report, ReportChecks.Layout layout) {
    Progress progress = new Progress(id, layout.report());
    try {
      report.rows(
          (line, cells) -> {
            progress.line = line;
            if (line <= layout.headingLine() || OrderReport.blank(cells)) {
              return;
            }
            progress.rowsRead++;
            try {
              progress.batch.add(layout.report().read(cells));
              progress.lines.add(line);
            } catch (OrderReport.RowProblem problem) {
              progress.errors.add(new RowError(line, problem.orderId, problem.getMessage()));
            }
            if (progress.batch.size() + progress.errors.size() >= BATCH) {
              flush(progress);
            }
          });
      flush(progress);
      List<String> notes = new ArrayList<>();
      if (progress.failed > 0) {
        notes.add(progress.failed + " 行未导入，见错误列表");
      }
      List<String> missing = layout.report().missingToCreate();
      if (!missing.isEmpty()) {
        notes.add("报表没有" + String.join("、", missing) + "列，只更新了系统里已有的订单");
      }
      records.finish(
          id, ImportRecords.DONE, notes.isEmpty() ? null : String.join("；", notes), now());
    } catch (NotAnOrderReportException e) {
      flush(progress);
      records.finish(
          id, ImportRecords.FAILED, "第 " + progress.line + " 行之后无法继续读取：" + e.getMessage(), now());
    } catch (Exception e) {
      LOG.error("order import {} failed at line {}", id, progress.line, e);
      records.finish(
          id,
          ImportRecords.FAILED,
          "导入在第 " + progress.line + " 行中断：" + e.getMessage() + "（之前的行已导入，可重新导入整个文件）",
          now());
    }
  }

  private static final class Progress {
    final String id;
    final OrderReport report;
    final List<ReportedOrder> batch = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>(); // the line of each order of the batch
    final List<RowError> errors = new ArrayList<>();
    int line;
    int rowsRead;
    int failed;

    Progress(String id, OrderReport report) {
      this.id = id;
      this.report = report;
    }
  }

  /** What one batch wrote: the book's changes, and how many rows it refused. */
  private record Written(LocalOrderBook.Changes changes, int refused) {}

  /**
   * Writes one batch of rows and refused rows in one transaction, then ends the dunning cases of
   * newly paid or closed orders.
   */
  private void flush(Progress progress) {
    if (progress.batch.isEmpty() && progress.errors.isEmpty()) {
      return;
    }
    Written written = null;
    for (int attempt = 0; written == null; attempt++) {
      try {
        written = tx.execute(s -> write(progress));
      } catch (DuplicateKeyException raced) {
        // another import inserted one of these orders a moment ago: read again, then update
        if (attempt >= 3) {
          throw raced;
        }
      }
    }
    progress.failed += written.refused();
    progress.batch.clear();
    progress.lines.clear();
    progress.errors.clear();
    int ended = 0;
    for (String orderId : written.changes().paid()) {
      ended += end("dunningOrderPaid", orderId);
    }
    for (String orderId : written.changes().closed()) {
      ended += end("dunningOrderClosed", orderId);
    }
    if (ended > 0) {
      records.casesEnded(progress.id, ended);
    }
  }

  private Written write(Progress progress) {
    OffsetDateTime now = now();
    LocalOrderBook.Changes changes = book.take(progress.batch, now);
    List<RowError> errors = new ArrayList<>(progress.errors);
    for (int i : changes.notCreated()) {
      String orderId = progress.batch.get(i).orderId();
      errors.add(
          new RowError(progress.lines.get(i), orderId, progress.report.whyNotCreated(orderId)));
    }
    int kept = Math.max(0, limits.maxErrorsKept() - progress.failed);
    for (RowError e : errors.subList(0, Math.min(kept, errors.size()))) {
      records.refused(progress.id, e);
    }
    records.progress(
        progress.id,
        progress.rowsRead,
        changes.created(),
        changes.updated(),
        changes.unchanged(),
        errors.size(),
        now);
    return new Written(changes, errors.size());
  }

  private int end(String message, String orderId) {
    try {
      return runtime
          .createMessageCorrelation(message)
          .processInstanceBusinessKey("DUNNING-" + orderId)
          .correlateAllWithResult()
          .size();
    } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
      return 0; // the case moved at the same moment (a second import, or the agent): it ends anyway
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
