package com.aftersales.cases.photos;

import com.aftersales.base.BusyException;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.NotFoundException;
import com.aftersales.base.TooLargeException;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseTimeline;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence photos of a case: upload (checked from the bytes, bounded in size and count), list,
 * read, and mark wrong or hidden. Callers check who may do it; the claims ask how many photos are
 * there.
 */
@Service
@EnableConfigurationProperties(PhotoSettings.class)
public class CasePhotos {

  /** One file as it arrived: the name the uploader's computer gave it, and its bytes. */
  public record Upload(String fileName, byte[] bytes) {}

  private final PhotoRepository photos;
  private final PhotoStore store;
  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final PhotoSettings settings;
  private final Clock clock;
  private final Semaphore checking;

  CasePhotos(
      PhotoRepository photos,
      PhotoStore store,
      CaseRepository cases,
      CaseTimeline timeline,
      PhotoSettings settings,
      Clock clock) {
    this.photos = photos;
    this.store = store;
    this.cases = cases;
    this.timeline = timeline;
    this.settings = settings;
    this.clock = clock;
    this.checking = new Semaphore(settings.concurrentUploads());
  }

  public PhotoSettings settings() {
    return settings;
  }

  /**
   * Stores the files as photos of the case; all or none. The same bytes uploaded twice to a case
   * answer the photo already there.
   *
   * @throws InvalidInputException naming {@code file} when none is given or one is not a picture
   * @throws TooLargeException when a file, the count per upload or per case is over its limit
   */
  @Transactional
  public List<Photo> upload(String caseId, List<Upload> files, String kindValue, String user) {
    requireCase(caseId);
    PhotoKind kind = PhotoKind.parse(kindValue);
    List<Upload> given = files == null ? List.of() : files.stream().filter(f -> f != null).toList();
    if (given.isEmpty()) {
      throw new InvalidInputException("file", "请选择要上传的照片（字段 file，可多张）");
    }
    if (given.size() > settings.maxFilesPerRequest()) {
      throw new TooLargeException("file", "一次最多上传 " + settings.maxFilesPerRequest() + " 张照片，请分批上传");
    }
    for (Upload f : given) {
      if (f.bytes() == null || f.bytes().length == 0) {
        throw new InvalidInputException("file", "“" + name(f) + "”是空文件，请重新选择照片");
      }
      if (f.bytes().length > settings.maxFileSize().toBytes()) {
        throw new TooLargeException(
            "file", "“" + name(f) + "”超过 " + settings.maxFileSize().toMegabytes() + " MB，请压缩后再上传");
      }
    }
    if (photos.count(caseId) + given.size() > settings.maxPerCase()) {
      throw new TooLargeException(
          "file",
          "每张售后单最多 " + settings.maxPerCase() + " 张照片（含已隐藏的），本单已有 " + photos.count(caseId) + " 张");
    }
    List<Photo> stored = new ArrayList<>();
    int added = 0;
    for (Upload f : given) {
      ImageCheck.Checked checked =
          ImageCheck.check(f.bytes(), name(f), settings.maxPixels(), settings.thumbnailSize());
      String sha = sha256(f.bytes());
      var earlier = photos.sameBytes(caseId, sha);
      if (earlier.isPresent()) {
        stored.add(earlier.get());
        continue;
      }
      Photo photo =
          new Photo(
              0,
              caseId,
              kind,
              name(f),
              checked.mediaType(),
              f.bytes().length,
              checked.width(),
              checked.height(),
              user,
              OffsetDateTime.now(clock),
              PhotoStatus.SHOWN,
              null,
              null,
              null);
      long id = photos.insert(photo, sha);
      store.put(id, new PhotoStore.Content(f.bytes(), checked.mediaType()), checked.thumbnail());
      stored.add(photos.find(caseId, id).orElseThrow());
      added++;
    }
    if (added > 0) {
      timeline.record(caseId, "photos", "上传照片", user, kind.label() + " " + added + " 张");
    }
    return stored;
  }

  /**
   * Runs an upload's work (reading the files into memory, checking and storing them) while at most
   * {@code concurrent-uploads} do so on this node; beyond that it is refused (429) after a short
   * wait, so that many uploads at once cannot exhaust the node's memory.
   */
  public <T> T oneOfFewUploads(java.util.function.Supplier<T> work) {
    acquire();
    try {
      return work.get();
    } finally {
      checking.release();
    }
  }

  public List<Photo> list(String caseId) {
    requireCase(caseId);
    return photos.ofCase(caseId);
  }

  /** The photo of this case; another case's photo id is not found here. */
  public Photo photo(String caseId, long photoId) {
    return photos
        .find(caseId, photoId)
        .orElseThrow(() -> new NotFoundException("售后单 " + caseId + " 没有照片 " + photoId));
  }

  public PhotoStore.Content original(String caseId, long photoId) {
    photo(caseId, photoId);
    return store.original(photoId).orElseThrow(() -> new NotFoundException("照片内容不存在"));
  }

  public PhotoStore.Content thumbnail(String caseId, long photoId) {
    photo(caseId, photoId);
    return store.thumbnail(photoId).orElseThrow(() -> new NotFoundException("照片内容不存在"));
  }

  /** Marks a photo wrong or hidden (a reason is needed), or shows it again. Nothing is deleted. */
  @Transactional
  public Photo mark(String caseId, long photoId, String statusValue, String reason, String user) {
    Photo photo = photo(caseId, photoId);
    PhotoStatus status = PhotoStatus.parse(statusValue);
    String why = reason == null ? "" : reason.trim();
    if (status != PhotoStatus.SHOWN && why.isEmpty()) {
      throw new InvalidInputException("reason", "请写明原因（例如：不是本订单的商品、拍的是别的包裹）");
    }
    if (why.length() > 500) {
      throw new InvalidInputException("reason", "原因最多 500 字");
    }
    photos.mark(photoId, status, why.isEmpty() ? null : why, user, OffsetDateTime.now(clock));
    timeline.record(
        caseId,
        "photos",
        "照片" + status.label(),
        user,
        "照片 " + photo.id() + (why.isEmpty() ? "" : "：" + why));
    return photo(caseId, photoId);
  }

  /** Shown photos of a kind: what the evidence checks count. */
  public int shownCount(String caseId, PhotoKind kind) {
    return photos.countShown(caseId, kind);
  }

  private void requireCase(String caseId) {
    if (caseId == null || cases.find(caseId).isEmpty()) {
      throw new NotFoundException("找不到售后单 " + caseId);
    }
  }

  private void acquire() {
    try {
      if (!checking.tryAcquire(5, TimeUnit.SECONDS)) {
        throw new BusyException("正在处理其他照片，请稍后再上传");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException("正在处理其他照片，请稍后再上传");
    }
  }

  /** The name to show: no folders, no control characters, at most 255 characters. */
  static String name(Upload f) {
    String n = f.fileName() == null ? "" : f.fileName();
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
    if (n.isEmpty()) {
      n = "照片";
    }
    return n.length() > 255 ? n.substring(0, 255) : n;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
