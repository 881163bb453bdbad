-- The W3C traceparent a withdrawal request arrived with (null when upstream sent none), so that work picked up
-- later (submission, queries, the outbox relay) continues the request's trace.
alter table withdrawals add column trace_parent varchar(55);
