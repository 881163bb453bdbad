-- Autovacuum analyzes withdrawals and withdrawal_transitions about once a minute under load (every notice updates a
-- withdrawal and adds history), and ANALYZE computes statistics for every column of its 30,000-row sample: in
-- benchmark B2 that was 0.34 s of CPU for withdrawals and 0.1-0.2 s for the history, in a burst, each minute, on a
-- machine already 80 % busy. No query filters, joins or sorts on the columns below (they are read by key, never
-- searched), so the planner never uses their statistics; a target of 0 makes ANALYZE skip them. Measured on 45,000
-- withdrawals and 72,000 history rows: ANALYZE withdrawals 450 -> 150-210 ms, withdrawal_transitions 295 -> 85-100 ms.
-- Columns that queries do use keep their statistics: withdrawal_id, status, version, attention, next_action,
-- next_action_at, lease_until, created_at, updated_at; withdrawal_id and id of the history.
alter table withdrawals
    alter column huifu_id set statistics 0,
    alter column account_kind set statistics 0,
    alter column token_no set statistics 0,
    alter column cash_amt set statistics 0,
    alter column into_acct_date_type set statistics 0,
    alter column acct_id set statistics 0,
    alter column remark set statistics 0,
    alter column requested_at set statistics 0,
    alter column request set statistics 0,
    alter column req_date set statistics 0,
    alter column req_seq_id set statistics 0,
    alter column hf_seq_id set statistics 0,
    alter column fee_amt set statistics 0,
    alter column attention_reason set statistics 0,
    alter column lease_owner set statistics 0,
    alter column attempts set statistics 0;

alter table withdrawal_transitions
    alter column event_id set statistics 0,
    alter column from_status set statistics 0,
    alter column to_status set statistics 0,
    alter column source set statistics 0,
    alter column evidence set statistics 0,
    alter column reason_code set statistics 0,
    alter column reason set statistics 0,
    alter column occurred_at set statistics 0;
