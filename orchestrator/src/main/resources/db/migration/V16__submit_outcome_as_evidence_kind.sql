-- A send's synchronous answer is stored as the evidence kind it was classified as (SYNC_PROCESSING, SYNC_SUCCESS,
-- SYNC_REFUSED, SYNC_UNKNOWN): the vocabulary of the transition table, named in one enum, instead of the name of
-- the Java class that carried the answer. Rows written before kept only "accepted", not whether Huifu's trans_stat
-- was P or S; both mean Huifu took the serial, so they read as SYNC_PROCESSING.
alter table withdrawal_serials alter column submit_outcome type varchar(32);

update withdrawal_serials set submit_outcome = case submit_outcome
    when 'ACCEPTED' then 'SYNC_PROCESSING'
    when 'REFUSED' then 'SYNC_REFUSED'
    when 'UNKNOWN' then 'SYNC_UNKNOWN'
    else submit_outcome end
where submit_outcome in ('ACCEPTED', 'REFUSED', 'UNKNOWN');

alter table withdrawal_serials add constraint withdrawal_serials_submit_outcome_known
    check (submit_outcome in ('SYNC_PROCESSING', 'SYNC_SUCCESS', 'SYNC_REFUSED', 'SYNC_UNKNOWN'));
