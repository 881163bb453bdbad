-- Fewer writes per withdrawal and per event. pg_stat_statements on benchmark B1 (intake) showed where PostgreSQL's
-- CPU went; each change below names what it cost.

-- The relay now deletes a row once the broker acknowledged it, instead of marking it sent and purging it after a
-- retention: each row is written once more instead of twice (an update is a new row version plus index entries,
-- and the purge a delete on top), and the table holds only the backlog. Rows already marked sent are done.
delete from outbox where sent_at is not null;
drop index outbox_unsent;
drop index outbox_sent_at;
alter table outbox drop column sent_at;
-- Headers are written and read by the relay only, as text: jsonb parsed them on every insert and printed them on
-- every read.
alter table outbox alter column headers drop default;
alter table outbox alter column headers type text using headers::text;
alter table outbox alter column headers set default '{}';
-- The relay reads from the lowest id, past the rows it deleted: vacuum them away early, not at 20 % of the table.
alter table outbox set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                        autovacuum_vacuum_cost_delay = 0);

-- Serials and history rows are written only together with (or after) their withdrawal, by Withdrawals, in the
-- transaction that wrote or locked it. Their foreign keys ran a key-share lock query on the withdrawal per row:
-- a fifth of the database's time at intake.
alter table withdrawal_serials drop constraint withdrawal_serials_withdrawal_id_fkey;
alter table withdrawal_transitions drop constraint withdrawal_transitions_withdrawal_id_fkey;

-- History is only ever read per withdrawal in id order: that index can be the primary key, and the key on id alone
-- (which no query uses) cost every transition an index entry for nothing.
alter table withdrawal_transitions drop constraint withdrawal_transitions_pkey;
drop index withdrawal_transitions_withdrawal;
alter table withdrawal_transitions add primary key (withdrawal_id, id);

-- The status index covered every row, final ones included, and no query reads all of them by status. The gauge of
-- open withdrawals (WithdrawalMetrics) reads only open ones, through this smaller index; counting every row by status
-- on each refresh read the whole table (half a second of CPU every 15 s at 600,000 rows).
drop index withdrawals_status;
create index withdrawals_open on withdrawals (status, created_at)
    where status in ('REQUESTED', 'PROCESSING', 'ACCOUNTED');
