package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.support.ProcessTestBase;
import com.aftersales.support.TestPhotos;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * {@code /api/cases/{caseId}/photos}: uploads checked from their bytes, bounded in size and count,
 * served safely, marked instead of deleted, and seen only by staff under the photo's own case.
 */
class PhotoApiTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired com.aftersales.cases.photos.CasePhotos photos;

  private String newCase() {
    String orderId = orders.create("buyer_photo", "30.00", 1);
    return cases.open("DAMAGE", orderId, "buyer_photo", "照片测试").record().caseId();
  }

  private Rest as(String user) {
    return user.equals("anonymous") ? new Rest(http, null, null) : new Rest(http, user, "demo");
  }

  /** Uploads files (name, bytes, name, bytes…) as one multipart request with field "file". */
  private ResponseEntity<String> upload(String user, String caseId, Object... nameBytes) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    for (int i = 0; i < nameBytes.length; i += 2) {
      String name = (String) nameBytes[i];
      form.add(
          "file",
          new ByteArrayResource((byte[]) nameBytes[i + 1]) {
            @Override
            public String getFilename() {
              return name;
            }
          });
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    TestRestTemplate client = user.equals("anonymous") ? http : http.withBasicAuth(user, "demo");
    return client.exchange(
        "/api/cases/" + caseId + "/photos",
        HttpMethod.POST,
        new HttpEntity<>(form, headers),
        String.class);
  }

  private JsonNode json(ResponseEntity<String> r) {
    return as("agent1").json(r);
  }

  @Test
  void storesJpegPngAndWebpWithThumbnailsAndServesThemSafely() throws Exception {
    String caseId = newCase();
    byte[] jpeg = TestPhotos.jpeg(1600, 900, 1);
    ResponseEntity<String> r =
        upload(
            "agent1",
            caseId,
            "<img src=x onerror=alert(1)>.jpg",
            jpeg,
            "scan.png",
            TestPhotos.png(40, 30, 2),
            "chat.webp",
            TestPhotos.webp());
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    JsonNode stored = json(r);
    assertThat(stored).hasSize(3);
    assertThat(stored.get(0).path("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(stored.get(0).path("width").asInt()).isEqualTo(1600);
    assertThat(stored.get(0).path("fileName").asText())
        .isEqualTo("<img src=x onerror=alert(1)>.jpg");
    assertThat(stored.get(1).path("mediaType").asText()).isEqualTo("image/png");
    assertThat(stored.get(2).path("mediaType").asText()).isEqualTo("image/webp");
    assertThat(stored.get(0).path("status").asText()).isEqualTo("SHOWN");

    JsonNode listed = json(as("agent2").get("/api/cases/" + caseId + "/photos"));
    assertThat(listed).hasSize(3);

    ResponseEntity<byte[]> original = as("agent2").bytes(stored.get(0).path("url").asText());
    assertThat(original.getStatusCode().value()).isEqualTo(200);
    assertThat(original.getBody()).isEqualTo(jpeg);
    HttpHeaders h = original.getHeaders();
    assertThat(h.getContentType().toString()).isEqualTo("image/jpeg");
    assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(h.getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("inline")
        .contains("photo-" + stored.get(0).path("id").asLong() + ".jpg")
        .doesNotContain("<");

    ResponseEntity<byte[]> thumb = as("agent2").bytes(stored.get(0).path("thumbnailUrl").asText());
    assertThat(thumb.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.getBody()));
    assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(320);
    assertThat(thumb.getBody().length).isLessThan(jpeg.length);
    ResponseEntity<byte[]> webpThumb =
        as("agent2").bytes(stored.get(2).path("thumbnailUrl").asText());
    assertThat(webpThumb.getStatusCode().value()).isEqualTo(200);
    assertThat(ImageIO.read(new ByteArrayInputStream(webpThumb.getBody()))).isNotNull();
  }

  /** Four uploads at work at once (the test limit); a fifth is told to try again shortly. */
  @Test
  void anUploadBeyondTheConcurrentLimitIsToldToWait() {
    String caseId = newCase();
    java.util.function.Supplier<ResponseEntity<String>> fifth =
        () -> upload("agent1", caseId, "a.jpg", TestPhotos.jpeg(20, 20, 60));
    java.util.function.Supplier<ResponseEntity<String>> hold =
        () ->
            photos.oneOfFewUploads(
                () ->
                    photos.oneOfFewUploads(
                        () -> photos.oneOfFewUploads(() -> photos.oneOfFewUploads(fifth))));
    ResponseEntity<String> r = hold.get();
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(429);
    assertThat(json(r).path("detail").asText()).contains("稍后");
    assertThat(
            upload("agent1", caseId, "a.jpg", TestPhotos.jpeg(20, 20, 60)).getStatusCode().value())
        .isEqualTo(201);
  }

  @Test
  void theSameBytesTwiceAreOnePhoto() {
    String caseId = newCase();
    byte[] jpeg = TestPhotos.jpeg(50, 50, 3);
    long first = json(upload("agent1", caseId, "a.jpg", jpeg)).get(0).path("id").asLong();
    ResponseEntity<String> again = upload("agent1", caseId, "a (1).jpg", jpeg);
    assertThat(json(again).get(0).path("id").asLong()).isEqualTo(first);
    assertThat(json(as("agent1").get("/api/cases/" + caseId + "/photos"))).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a renamed program,    exe,     400, 不是图片",
    "a web page as png,    html,    400, 不是图片",
    "a broken jpeg,        broken,  400, 无法读取",
    "an empty file,        empty,   400, 空文件",
    "no file at all,       none,    400, 请选择",
    "a file over 1 MB,     huge,    413, 超过 1 MB",
    "four files at once,   four,    413, 一次最多上传 3 张",
    "a request over 4 MB,  beyond,  413, 照片超过一次上传的上限",
  })
  void refusesBadUploadsNamingTheFieldAndStoresNothing(
      String what, String kind, int status, String words) {
    String caseId = newCase();
    byte[] broken = TestPhotos.jpeg(100, 100, 4);
    broken = java.util.Arrays.copyOf(broken, 40);
    byte[] huge = new byte[1024 * 1024 + 1];
    huge[0] = (byte) 0xff;
    huge[1] = (byte) 0xd8;
    huge[2] = (byte) 0xff;
    ResponseEntity<String> r =
        switch (kind) {
          case "exe" -> upload("agent1", caseId, "photo.jpg", TestPhotos.exe());
          case "html" ->
              upload(
                  "agent1",
                  caseId,
                  "x.png",
                  "<html><script>alert(1)</script></html>"
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          case "broken" -> upload("agent1", caseId, "b.jpg", broken);
          case "empty" -> upload("agent1", caseId, "e.jpg", new byte[0]);
          case "none" -> upload("agent1", caseId);
          case "huge" -> upload("agent1", caseId, "big.jpg", huge);
          // beyond the server's limit for a whole request (4 MB in the tests' configuration)
          case "beyond" -> upload("agent1", caseId, "big.jpg", new byte[5 * 1024 * 1024]);
          case "four" ->
              upload(
                  "agent1",
                  caseId,
                  "1.jpg",
                  TestPhotos.jpeg(20, 20, 5),
                  "2.jpg",
                  TestPhotos.jpeg(20, 20, 6),
                  "3.jpg",
                  TestPhotos.jpeg(20, 20, 7),
                  "4.jpg",
                  TestPhotos.jpeg(20, 20, 8));
          default -> throw new IllegalArgumentException(kind);
        };
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
    assertThat(json(r).path("field").asText()).isEqualTo("file");
    assertThat(json(r).path("detail").asText()).contains(words);
    assertThat(json(as("agent1").get("/api/cases/" + caseId + "/photos"))).isEmpty();
  }

  @Test
  void aCaseHoldsAtMostItsLimitAndARefusedUploadStoresNoneOfItsFiles() {
    String caseId = newCase();
    for (int batch = 0; batch < 2; batch++) {
      ResponseEntity<String> r =
          upload(
              "agent1",
              caseId,
              "a.jpg",
              TestPhotos.jpeg(20, 20, 10 + batch * 3),
              "b.jpg",
              TestPhotos.jpeg(20, 20, 11 + batch * 3),
              "c.jpg",
              TestPhotos.jpeg(20, 20, 12 + batch * 3));
      assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    }
    ResponseEntity<String> over = upload("agent1", caseId, "g.jpg", TestPhotos.jpeg(20, 20, 30));
    assertThat(over.getStatusCode().value()).isEqualTo(413);
    assertThat(json(over).path("detail").asText()).contains("最多 6 张");

    String other = newCase();
    ResponseEntity<String> mixed =
        upload("agent1", other, "ok.jpg", TestPhotos.jpeg(20, 20, 31), "bad.jpg", TestPhotos.exe());
    assertThat(mixed.getStatusCode().value()).isEqualTo(400);
    assertThat(json(mixed).path("detail").asText()).contains("bad.jpg");
    assertThat(json(as("agent1").get("/api/cases/" + other + "/photos"))).isEmpty();
  }

  @Test
  void aPhotoIsMarkedWrongWithAReasonAndStaysOnRecord() {
    String caseId = newCase();
    JsonNode photo = json(upload("agent1", caseId, "a.jpg", TestPhotos.jpeg(30, 30, 40))).get(0);
    String mark = photo.path("url").asText() + "/status";
    ResponseEntity<String> noReason = as("agent1").post(mark, java.util.Map.of("status", "WRONG"));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(json(noReason).path("field").asText()).isEqualTo("reason");

    ResponseEntity<String> marked =
        as("agent1").post(mark, java.util.Map.of("status", "WRONG", "reason", "不是本订单的商品"));
    assertThat(marked.getStatusCode().value()).as(marked.getBody()).isEqualTo(200);
    assertThat(json(marked).path("status").asText()).isEqualTo("WRONG");
    assertThat(json(marked).path("statusBy").asText()).isEqualTo("agent1");

    JsonNode listed = json(as("agent1").get("/api/cases/" + caseId + "/photos"));
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("statusReason").asText()).isEqualTo("不是本订单的商品");
    assertThat(as("agent1").bytes(photo.path("url").asText()).getStatusCode().value())
        .isEqualTo(200);
    assertThat(json(as("agent1").get("/api/cases/" + caseId)).path("timeline").toString())
        .contains("照片标记为错误");
    assertThat(
            as("agent1")
                .post(mark, java.util.Map.of("status", "GONE", "reason", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(400);
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "agent1,     read another case's photo by its URL,  404",
    "agent1,     read another case's thumbnail,         404",
    "agent1,     mark another case's photo,             404",
    "agent1,     read the photo,                        200",
    "warehouse,  read the photo,                        200",
    "finance,    read the photo,                        200",
    "backoffice, read the photo,                        403",
    "backoffice, list the photos,                       403",
    "anonymous,  read the photo,                        401",
    "anonymous,  list the photos,                       401",
    "warehouse,  upload a photo,                        201",
    "finance,    upload a photo,                        403",
    "backoffice, upload a photo,                        403",
    "anonymous,  upload a photo,                        401",
    "warehouse,  mark the photo,                        403",
    "supervisor, mark the photo,                        200",
    "agent1,     list a case that does not exist,       404",
  })
  void onlyStaffSeePhotosAndOnlyUnderTheirOwnCase(String user, String action, int expected) {
    String mine = newCase();
    String other = newCase();
    long photo =
        json(upload("agent1", mine, "a.jpg", TestPhotos.jpeg(30, 30, 50)))
            .get(0)
            .path("id")
            .asLong();
    String own = "/api/cases/" + mine + "/photos/" + photo;
    String through = "/api/cases/" + other + "/photos/" + photo;
    java.util.Map<String, String> wrong = java.util.Map.of("status", "WRONG", "reason", "不是本单");
    int actual =
        switch (action) {
          case "read another case's photo by its URL" ->
              as(user).bytes(through).getStatusCode().value();
          case "read another case's thumbnail" ->
              as(user).bytes(through + "/thumbnail").getStatusCode().value();
          case "mark another case's photo" ->
              as(user).post(through + "/status", wrong).getStatusCode().value();
          case "read the photo" -> as(user).bytes(own).getStatusCode().value();
          case "list the photos" ->
              as(user).get("/api/cases/" + mine + "/photos").getStatusCode().value();
          case "upload a photo" ->
              upload(user, mine, "w.jpg", TestPhotos.jpeg(30, 30, 51)).getStatusCode().value();
          case "mark the photo" -> as(user).post(own + "/status", wrong).getStatusCode().value();
          case "list a case that does not exist" ->
              as(user).get("/api/cases/NO-SUCH-CASE/photos").getStatusCode().value();
          default -> throw new IllegalArgumentException(action);
        };
    assertThat(actual).as("%s may %s", user, action).isEqualTo(expected);
  }
}
