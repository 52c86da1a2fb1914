-- Statistics for the planner on the engine's authorization table (README "Performance, as measured").
-- Every task a group may work on has its own authorization row. The engine's authorization check
-- filters rows with bit tests such as PERMS_ & 2 = 2, which PostgreSQL estimates at 0.5 % of the
-- rows without statistics on the expression: with 100,000 open tasks it then expected a few hundred
-- rows instead of 75,000 and compared each task of the page with all of them (590 ms for the agent's
-- first page). With these statistics it looks the rows up by index (15 ms).
create statistics if not exists aftersales_auth_perm_read on (perms_ & 2) from act_ru_authorization;
create statistics if not exists aftersales_auth_perm_read_task on (perms_ & 64) from act_ru_authorization;
create statistics if not exists aftersales_auth_perm_read_instance on (perms_ & 512) from act_ru_authorization;
analyze act_ru_authorization;
