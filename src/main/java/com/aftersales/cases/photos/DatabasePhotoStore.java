package com.aftersales.cases.photos;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default {@link PhotoStore}: the {@code case_photo_content} table (bytea on H2 and
 * PostgreSQL).
 */
@Component
class DatabasePhotoStore implements PhotoStore {

  private final JdbcTemplate jdbc;

  DatabasePhotoStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(long photoId, Content original, Content thumbnail) {
    jdbc.update(
        "insert into case_photo_content (photo_id, content, thumbnail, thumbnail_type)"
            + " values (?, ?, ?, ?)",
        photoId,
        original.bytes(),
        thumbnail.bytes(),
        thumbnail.mediaType());
  }

  @Override
  public Optional<Content> original(long photoId) {
    return jdbc
        .query(
            "select c.content, p.media_type from case_photo_content c"
                + " join case_photo p on p.id = c.photo_id where c.photo_id = ?",
            (rs, n) -> new Content(rs.getBytes(1), rs.getString(2)),
            photoId)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Content> thumbnail(long photoId) {
    return jdbc
        .query(
            "select thumbnail, thumbnail_type from case_photo_content where photo_id = ?",
            (rs, n) -> new Content(rs.getBytes(1), rs.getString(2)),
            photoId)
        .stream()
        .findFirst();
  }
}
