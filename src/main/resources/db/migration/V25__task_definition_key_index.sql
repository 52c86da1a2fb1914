-- Index on the engine's task table, measured in benchmark 2 (docs/performance.md).
-- Tasklist counts every filter of the side bar on each refresh; the follow-up filter (现在可以回访)
-- selects one task definition, which the stock schema cannot look up: every count read the whole
-- task table (about 100 ms at 100,000 open tasks on PostgreSQL, for an answer of a few rows).
create index if not exists AFTERSALES_IDX_TASK_DEF_KEY on ACT_RU_TASK (TASK_DEF_KEY_);
