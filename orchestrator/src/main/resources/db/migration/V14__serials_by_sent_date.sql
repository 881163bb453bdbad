-- Every serial of a day has the same req_date, so an index on req_date alone finds the whole day. PostgreSQL
-- chose it for the single-serial updates (count a send, record Huifu's answer) whenever it planned them against a
-- table it had not analyzed yet, and a connection keeps such a generic plan: in the B3 benchmark each of those
-- updates went through every serial of the day, 0.5-0.8 ms and growing with the day. The daily reconciliation,
-- the only reader by date, reads sent serials only: this partial index serves it and can never serve a lookup
-- that does not ask for sent serials.
drop index withdrawal_serials_req_date;
create index withdrawal_serials_sent_on on withdrawal_serials (req_date) where sent_count > 0;
