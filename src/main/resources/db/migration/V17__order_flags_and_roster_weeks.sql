-- The flags that apply to each order (shop adapters): the back office shows one flag per order,
-- the most urgent of these; the others come back when it is cleared.
create table shop_flag (
  order_id   varchar(64)   not null,
  flag       varchar(16)   not null,
  note       varchar(1000) not null,
  raised_at  timestamp with time zone not null,
  primary key (order_id, flag)
);

-- The weeks whose roster was generated from the rotation (once per week, on one node).
create table roster_week (
  week_start    date          not null primary key,
  generated_at  timestamp with time zone not null,
  generated_by  varchar(128)  not null
);

-- The after-sales register (售后服务登记表) as seed 004 keeps it: the product, the buyer's contact
-- (masked, never the plain phone) and who resolved the case.
alter table after_sales_case add column product_name varchar(512);
alter table after_sales_case add column buyer_contact varchar(64);
alter table after_sales_case add column resolved_by varchar(128);
