-- Cases that open themselves: the shop's events (the platform's messages, the reconciliation of
-- its refunds, the local back office's event API) and what they did.

-- Every shop event handled, by the id its reporter gives it (a TMC message id, a refund version
-- of the reconciliation, the back office's event id): a repeat is not handled again. Retention:
-- kept 14 days (ShopEvents.SEEN_RETENTION); each reconciliation run deletes older rows.
create table shop_event_seen (
  source_id  varchar(160) primary key,
  kind       varchar(32)  not null,
  order_id   varchar(64),
  seen_at    timestamp with time zone not null
);
create index shop_event_seen_at on shop_event_seen(seen_at);

-- A refund the buyer filed on the platform and the case handling it: one row per platform refund
-- (the primary key), so a second message, the reconciliation or a second node never opens a twin.
-- state: OPEN (case_id handles it), NOT_OPENED (no case could be opened, note says why), FINISHED
-- (closed or paid on the platform: nothing more is applied, a late "created" opens nothing).
-- last_modified: the platform's time of the latest change applied; an older one is ignored.
create table refund_platform_link (
  refund_id      varchar(32)  primary key,
  order_id       varchar(64)  not null,
  case_id        varchar(96),
  state          varchar(16)  not null,
  last_modified  timestamp with time zone,
  note           varchar(500),
  linked_at      timestamp with time zone not null
);
create index refund_platform_link_case on refund_platform_link(case_id);

-- When the shop was last heard from, per channel (TMC: the message service, RECONCILE: the
-- reconciliation of refunds), the last failure and whether the shop's session expired; the
-- console shows it. mark_at: the reconciliation has fetched every refund changed before it.
create table shop_contact (
  channel          varchar(16)  primary key,
  last_ok_at       timestamp with time zone,
  last_error_at    timestamp with time zone,
  last_error       varchar(500),
  session_expired  boolean      not null default false,
  mark_at          timestamp with time zone
);
