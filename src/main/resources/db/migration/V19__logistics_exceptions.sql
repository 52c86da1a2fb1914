-- Logistics exceptions (查件/物流异常, SOP "beyond the seven", seed 002 ch.1 and 004).

-- The register 查件/物流异常登记: one row per case. The buyer's phone only masked, never in plain.
-- problem_type is the code the filter takes (type=LOST); the labels are what people read.
create table logistics_register (
  case_id             varchar(96)   primary key,
  registered_at       timestamp with time zone not null,
  order_id            varchar(64)   not null,
  buyer_id            varchar(128)  not null,
  buyer_phone_masked  varchar(32),
  waybill_number      varchar(64),
  carrier             varchar(64),
  source              varchar(16)   not null,
  source_label        varchar(32)   not null,
  problem_type        varchar(32),
  problem_label       varchar(32),
  actions             varchar(4000),
  result              varchar(128),
  agent               varchar(128),
  closed_at           timestamp with time zone
);
create index logistics_register_order on logistics_register(order_id);
create index logistics_register_registered on logistics_register(registered_at);

-- Orders the no-movement detector opened a case for: once per order, on any node.
create table logistics_stalled (
  order_id          varchar(64)   primary key,
  detected_at       timestamp with time zone not null,
  last_movement_at  timestamp with time zone,
  case_id           varchar(96)
);
