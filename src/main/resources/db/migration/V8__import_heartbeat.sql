-- An import that is running says so every batch; one whose node died stops saying it and is
-- marked failed by any node (see OrderImporter), never left RUNNING forever.
alter table order_import add column heartbeat_at timestamp with time zone;
