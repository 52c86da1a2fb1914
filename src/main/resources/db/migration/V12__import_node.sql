-- The node that runs an import. A node that starts again fails at once the imports still RUNNING
-- under its own name (they died with it); other nodes' imports keep the heartbeat rule (V8).
alter table order_import add column node_id varchar(128);
