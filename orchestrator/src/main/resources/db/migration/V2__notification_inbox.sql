-- Ids of notifications already applied: a redelivery or a Huifu retry is skipped (inbox pattern).
create table processed_notifications (
    notification_id varchar(64) primary key,
    processed_at    timestamptz not null
);

-- Notifications for a serial not known yet: kept, never dropped, applied when the serial becomes known.
create table pending_notifications (
    notification_id varchar(64)  primary key,
    huifu_id        varchar(32)  not null,
    req_date        char(8)      not null,
    req_seq_id      varchar(64)  not null,
    payload         text         not null,
    received_at     timestamptz  not null
);

create index pending_notifications_serial on pending_notifications (huifu_id, req_date, req_seq_id);
