-- Indexes on the engine's own tables, measured in the benchmarks (README "Performance, as measured").
-- The stock schema has no index on ACT_RU_JOB.DUEDATE_: every job acquisition poll read the whole
-- job table, which with 100,000 open cases holds hundreds of thousands of future timers.
create index if not exists AFTERSALES_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_);
-- Queues are sorted by due date, and the console counts overdue and due-soon tasks.
create index if not exists AFTERSALES_IDX_TASK_DUEDATE on ACT_RU_TASK (DUE_DATE_);
