-- The agents' day reports (seed 004: 每日下午5:00提交自己当日工作事宜): the figures as they stood
-- when the agent submitted them, with the agent's note; and the reports flagged to the supervisors
-- as not submitted by the end of the agent's shift (one row per agent and day: flagged once).

create table day_report (
  report_day    date           not null,
  user_id       varchar(128)   not null,
  note          varchar(2000)  not null,
  figures       varchar(16000) not null,
  submitted_at  timestamp with time zone not null,
  primary key (report_day, user_id)
);

create table day_report_flag (
  report_day  date          not null,
  user_id     varchar(128)  not null,
  due_at      timestamp with time zone not null,
  flagged_at  timestamp with time zone not null,
  primary key (report_day, user_id)
);
create index day_report_flag_at on day_report_flag(flagged_at);

-- The day report sums the day by these dates.
create index after_sales_case_closed on after_sales_case(closed_at);
create index dunning_case_closed on dunning_case(closed_at);
create index handover_log_moved on handover_log(moved_at);
