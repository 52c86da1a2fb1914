package com.aftersales.cases.photos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code case_photo} table: what is known about each photo, without its bytes. */
@Repository
class PhotoRepository {

  private static final String COLUMNS =
      "id, case_id, kind, file_name, media_type, size_bytes, width, height, uploaded_by,"
          + " uploaded_at, status, status_reason, status_by, status_at";

  private final JdbcTemplate jdbc;

  PhotoRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Photo p, String sha256) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var s =
              connection.prepareStatement(
                  "insert into case_photo (case_id, kind, file_name, media_type, size_bytes,"
                      + " width, height, sha256, uploaded_by, uploaded_at, status)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          s.setString(1, p.caseId());
          s.setString(2, p.kind().name());
          s.setString(3, p.fileName());
          s.setString(4, p.mediaType());
          s.setLong(5, p.sizeBytes());
          s.setInt(6, p.width());
          s.setInt(7, p.height());
          s.setString(8, sha256);
          s.setString(9, p.uploadedBy());
          s.setObject(10, p.uploadedAt());
          s.setString(11, p.status().name());
          return s;
        },
        key);
    return key.getKey().longValue();
  }

  /** The photo with this id if it belongs to this case: another case's photo is not found. */
  Optional<Photo> find(String caseId, long id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from case_photo where id = ? and case_id = ?",
            this::map,
            id,
            caseId)
        .stream()
        .findFirst();
  }

  /** The photo of this case with exactly these bytes, if one was uploaded before. */
  Optional<Photo> sameBytes(String caseId, String sha256) {
    return jdbc
        .query(
            "select " + COLUMNS + " from case_photo where case_id = ? and sha256 = ?",
            this::map,
            caseId,
            sha256)
        .stream()
        .findFirst();
  }

  List<Photo> ofCase(String caseId) {
    return jdbc.query(
        "select " + COLUMNS + " from case_photo where case_id = ? order by uploaded_at, id",
        this::map,
        caseId);
  }

  int count(String caseId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from case_photo where case_id = ?", Integer.class, caseId);
    return n == null ? 0 : n;
  }

  int countShown(String caseId, PhotoKind kind) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from case_photo where case_id = ? and kind = ? and status = ?",
            Integer.class,
            caseId,
            kind.name(),
            PhotoStatus.SHOWN.name());
    return n == null ? 0 : n;
  }

  void mark(long id, PhotoStatus status, String reason, String by, OffsetDateTime at) {
    jdbc.update(
        "update case_photo set status = ?, status_reason = ?, status_by = ?, status_at = ?"
            + " where id = ?",
        status.name(),
        reason,
        by,
        at,
        id);
  }

  private Photo map(ResultSet rs, int row) throws SQLException {
    return new Photo(
        rs.getLong("id"),
        rs.getString("case_id"),
        PhotoKind.valueOf(rs.getString("kind")),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getLong("size_bytes"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class),
        PhotoStatus.valueOf(rs.getString("status")),
        rs.getString("status_reason"),
        rs.getString("status_by"),
        rs.getObject("status_at", OffsetDateTime.class));
  }
}
