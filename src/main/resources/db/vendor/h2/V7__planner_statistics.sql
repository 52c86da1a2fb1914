-- PostgreSQL gets statistics on the engine's authorization checks in this version (see
-- db/vendor/postgresql); H2 has no equivalent and needs none at the sizes it is used for.
select 1;
