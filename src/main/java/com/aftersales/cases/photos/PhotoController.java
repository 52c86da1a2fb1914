package com.aftersales.cases.photos;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import com.aftersales.base.TooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/cases/{caseId}/photos}: a case's evidence photos. Only staff who may see the case see
 * its photos, and a photo is found only under its own case's URL.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/photos")
class PhotoController {

  /** A photo as the API shows it, with where its picture and thumbnail are. */
  record PhotoView(
      long id,
      String caseId,
      PhotoKind kind,
      String kindLabel,
      String fileName,
      String mediaType,
      long sizeBytes,
      int width,
      int height,
      String uploadedBy,
      OffsetDateTime uploadedAt,
      PhotoStatus status,
      String statusLabel,
      String statusReason,
      String statusBy,
      OffsetDateTime statusAt,
      String url,
      String thumbnailUrl) {

    static PhotoView of(Photo p) {
      String url = "/api/cases/" + p.caseId() + "/photos/" + p.id();
      return new PhotoView(
          p.id(),
          p.caseId(),
          p.kind(),
          p.kind().label(),
          p.fileName(),
          p.mediaType(),
          p.sizeBytes(),
          p.width(),
          p.height(),
          p.uploadedBy(),
          p.uploadedAt(),
          p.status(),
          p.status().label(),
          p.statusReason(),
          p.statusBy(),
          p.statusAt(),
          url,
          url + "/thumbnail");
    }
  }

  /** The body of a mark: SHOWN, WRONG or HIDDEN, and why. */
  record MarkRequest(String status, String reason) {}

  private final CasePhotos photos;
  private final IdentityService identity;

  PhotoController(CasePhotos photos, IdentityService identity) {
    this.photos = photos;
    this.identity = identity;
  }

  @PostMapping
  ResponseEntity<List<PhotoView>> upload(
      @PathVariable String caseId,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(name = "kind", required = false) String kind) {
    String user = Access.require(identity, "只有客服、主管或仓库可以上传照片", Access.PHOTO_UPLOADERS);
    if (files != null && files.size() > photos.settings().maxFilesPerRequest()) {
      throw new TooLargeException(
          "file", "一次最多上传 " + photos.settings().maxFilesPerRequest() + " 张照片，请分批上传");
    }
    long max = photos.settings().maxFileSize().toBytes();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      if (f.getSize() > max) {
        throw new TooLargeException(
            "file",
            "“"
                + CasePhotos.name(new CasePhotos.Upload(f.getOriginalFilename(), null))
                + "”超过 "
                + photos.settings().maxFileSize().toMegabytes()
                + " MB，请压缩后再上传");
      }
    }
    List<PhotoView> stored =
        photos.oneOfFewUploads(
            () -> {
              List<CasePhotos.Upload> uploads = new ArrayList<>();
              for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
                uploads.add(new CasePhotos.Upload(f.getOriginalFilename(), bytes(f)));
              }
              return photos.upload(caseId, uploads, kind, user).stream()
                  .map(PhotoView::of)
                  .toList();
            });
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/photos")).body(stored);
  }

  @GetMapping
  List<PhotoView> list(@PathVariable String caseId) {
    Access.requireCaseReader(identity);
    return photos.list(caseId).stream().map(PhotoView::of).toList();
  }

  @GetMapping("/{photoId}")
  ResponseEntity<byte[]> original(@PathVariable String caseId, @PathVariable long photoId) {
    Access.requireCaseReader(identity);
    Photo photo = photos.photo(caseId, photoId);
    return picture(photos.original(caseId, photoId), "photo-" + photo.id());
  }

  @GetMapping("/{photoId}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable String caseId, @PathVariable long photoId) {
    Access.requireCaseReader(identity);
    return picture(photos.thumbnail(caseId, photoId), "thumbnail-" + photoId);
  }

  @PostMapping("/{photoId}/status")
  PhotoView mark(
      @PathVariable String caseId,
      @PathVariable long photoId,
      @RequestBody(required = false) MarkRequest request) {
    String user = Access.require(identity, "只有客服或主管可以标记照片", Roles.AGENTS, Roles.SUPERVISORS);
    if (request == null) {
      throw new InvalidInputException("status", "请求内容为空：需要 status（WRONG、HIDDEN 或 SHOWN）和 reason");
    }
    return PhotoView.of(photos.mark(caseId, photoId, request.status(), request.reason(), user));
  }

  /**
   * A stored picture: its own type (checked at upload), never sniffed by the browser, shown inline
   * under a name we make (not the uploader's), and in a sandbox if opened on its own.
   */
  private static ResponseEntity<byte[]> picture(PhotoStore.Content content, String baseName) {
    String ext =
        switch (content.mediaType()) {
          case "image/png" -> ".png";
          case "image/webp" -> ".webp";
          default -> ".jpg";
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.mediaType()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(baseName + ext).build().toString())
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .body(content.bytes());
  }

  private static byte[] bytes(MultipartFile f) {
    try {
      return f.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
