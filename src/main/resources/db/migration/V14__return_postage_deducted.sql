-- The postage a buyer caused (wrong address, unreachable phone, refused delivery) is taken off the
-- return's refund (seed 001); the return register shows how much.
alter table return_register add column postage_deducted numeric(12,2);
