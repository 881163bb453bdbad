-- The notification inbox by month, so that it leaves by whole months like the archive (never row by row). The month
-- is that of the serial the notice is about (req_date, the serial's Beijing date, carried by the notice itself):
-- one notification id is the hash of one notice, so it always comes with the same req_date, and the key
-- (notification_id, req_date) is unique exactly when the id is. A month leaves once no withdrawal in the hot tables
-- has a serial of it (the archiver): a notice for an archived withdrawal is recognised by serial_keys instead.
-- The orchestrator creates the months ahead; the default partition takes a notice of a month without one (a late
-- notice for a withdrawal archived after its month left).
alter table processed_notifications rename to processed_notifications_before;
alter index processed_notifications_pkey rename to processed_notifications_before_pkey;

create table processed_notifications (
    notification_id varchar(64) not null,
    req_date        char(8)     not null,
    processed_at    timestamptz not null,
    primary key (notification_id, req_date)
) partition by range (req_date);

create table processed_notifications_other partition of processed_notifications default;

-- Rows written before this did not record their serial's date: they take the Beijing date they were processed on.
-- A redelivery of such a notice is then recognised by the state machine instead of the inbox: evidence for a state
-- already entered changes nothing and is recorded in the history (CONTRACT.md §2).
do $$
declare
    month date;
begin
    for month in
        select generate_series(
                   date_trunc('month', coalesce(min(processed_at at time zone 'Asia/Shanghai'),
                                                now() at time zone 'Asia/Shanghai')),
                   date_trunc('month', now() at time zone 'Asia/Shanghai') + interval '2 months',
                   interval '1 month')::date
          from processed_notifications_before
    loop
        execute format('create table %I partition of processed_notifications for values from (%L) to (%L)',
                       'processed_notifications_p' || to_char(month, 'YYYYMM'), to_char(month, 'YYYYMMDD'),
                       to_char(month + interval '1 month', 'YYYYMMDD'));
    end loop;
end
$$;

insert into processed_notifications (notification_id, req_date, processed_at)
select notification_id, to_char(processed_at at time zone 'Asia/Shanghai', 'YYYYMMDD'), processed_at
  from processed_notifications_before;

drop table processed_notifications_before;
