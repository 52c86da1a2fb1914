-- Follow-up calls and their spot checks (SOP 7), stock-outs that trigger a call, complaints.

-- Products currently out of stock: paid orders of these get an out-of-stock call.
create table stock_out (
  item_title   varchar(512)  primary key,
  declared_at  timestamp with time zone not null,
  declared_by  varchar(128)
);

-- The follow-up record (回访记录): one row per order and scenario, ever.
create table follow_up_call (
  case_id               varchar(96)   primary key,
  order_id              varchar(64)   not null,
  scenario              varchar(16)   not null,
  buyer_id              varchar(128)  not null,
  item_title            varchar(512),
  province              varchar(16),
  region                varchar(16),
  selected_on           date          not null,
  follow_up_at          timestamp with time zone not null,
  attempts              integer       not null default 0,
  reached               boolean,
  product_satisfaction  varchar(8),
  service_attitude      varchar(8),
  service_skill         varchar(8),
  problem               varchar(16),
  route_to              varchar(16),
  routed_case_id        varchar(96),
  suggestions           varchar(500),
  note                  varchar(500),
  caller                varchar(128),
  called_at             timestamp with time zone,
  completed_on          date,
  outcome               varchar(32),
  unique (order_id, scenario)
);
create index follow_up_call_completed on follow_up_call(completed_on);
create index follow_up_call_called on follow_up_call(called_at);

-- The spot-check record (回访抽查记录): one per sampled call.
create table spot_check (
  case_id         varchar(96)   primary key,
  call_case_id    varchar(96)   not null unique,
  sampled_on      date          not null,
  caller          varchar(128),
  checker         varchar(128),
  score_wording   integer,
  score_attitude  integer,
  score_record    integer,
  total_score     integer,
  note            varchar(500),
  checked_at      timestamp with time zone
);

-- The complaint register (顾客投诉登记表).
create table complaint (
  case_id        varchar(96)   primary key,
  order_id       varchar(64)   not null,
  buyer_id       varchar(128)  not null,
  kind           varchar(16),
  what_was_said  varchar(1000),
  department     varchar(16),
  outcome        varchar(1000),
  registered_by  varchar(128),
  registered_at  timestamp with time zone not null,
  handled_by     varchar(128),
  handled_at     timestamp with time zone
);
create index complaint_registered on complaint(registered_at);
