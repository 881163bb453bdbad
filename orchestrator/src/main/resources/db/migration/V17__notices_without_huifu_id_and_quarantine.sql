-- A notice may leave huifu_id out (PROTOCOL.md §4.2). Our req_seq_ids are unique across accounts, so such a notice
-- is matched by req_date and req_seq_id alone: it can be kept until its serial is known, and found through this
-- index. req_seq_id may be up to 128 characters at Huifu; a kept notice carries whatever Huifu sent.
alter table pending_notifications alter column huifu_id drop not null;
alter table pending_notifications alter column req_seq_id type varchar(128);
create index withdrawal_serials_by_seq on withdrawal_serials (req_seq_id, req_date);

-- Records that are valid on the wire but cannot be processed (a value PostgreSQL cannot store, a constraint it
-- refuses): kept here with the reason, so that the records behind them on their partition move on and nothing
-- acknowledged is lost. An operator lists them and replays one after a fix.
create table quarantined_records (
    id             bigserial    primary key,
    topic          varchar(255) not null,
    record_partition integer    not null,
    record_offset  bigint       not null,
    record_key     bytea,
    record_value   bytea,
    reason         text         not null,
    quarantined_at timestamptz  not null,
    replayed_at    timestamptz,
    replayed_by    varchar(128),
    unique (topic, record_partition, record_offset)
);
