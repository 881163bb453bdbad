-- Every serial of a day has the same req_date, so an index on req_date alone finds the whole day. PostgreSQL can
-- choose it for the single-serial updates (count a send, record Huifu's answer) when it plans them against a table
-- it has not analyzed yet, and a connection keeps such a generic plan: each update then reads every serial of the
-- day (reproduced: 6-18 ms per update on 30,000 serials of one day, 0.08 ms through the primary key; over a B3
-- benchmark run the submit-answer update averaged 0.48 ms before this index change, 0.08 ms after). The daily
-- reconciliation, the only reader by date, reads sent serials only: this partial index serves it and can never
-- serve a lookup that does not ask for sent serials.
drop index withdrawal_serials_req_date;
create index withdrawal_serials_sent_on on withdrawal_serials (req_date) where sent_count > 0;
