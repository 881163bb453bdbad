-- The relay now deletes a row once the broker acknowledged it, instead of marking it sent and purging it after a
-- retention: each row is written once more instead of twice (an update is a new row version plus index entries,
-- and the purge a delete on top), and the table holds only the backlog. Rows already marked sent are done.
delete from outbox where sent_at is not null;
drop index outbox_unsent;
drop index outbox_sent_at;
alter table outbox drop column sent_at;

-- No query filters withdrawals by status alone selectively enough to need an index (the operations list orders by
-- update time, the metrics count every row), while every insert and every state change paid to maintain it.
drop index withdrawals_status;

-- History is only ever read per withdrawal in id order: that index can be the primary key, and the key on id alone
-- (which no query uses) costs every transition an index entry for nothing.
alter table withdrawal_transitions drop constraint withdrawal_transitions_pkey;
drop index withdrawal_transitions_withdrawal;
alter table withdrawal_transitions add primary key (withdrawal_id, id);
