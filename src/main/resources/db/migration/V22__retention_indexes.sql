-- The nightly retention run (housekeeping/DataRetention) finds old rows by their time.
create index buyer_message_sent on buyer_message(sent_at);
create index order_import_finished on order_import(finished_at);
create index case_photo_uploaded on case_photo(uploaded_at);
create index case_event_occurred on case_event(occurred_at);
