-- Timeline events recorded in the same instant (one transaction, or a frozen test clock) keep the order in
-- which they were written: a monotonic sequence breaks ties after `at`.
alter table submission_events add column seq bigint generated always as identity;
create index submission_events_order_idx on submission_events (submission_id, at, seq);
