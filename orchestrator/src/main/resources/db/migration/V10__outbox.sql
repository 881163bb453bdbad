-- Messages to publish, written in the business transaction that caused them (transactional outbox).
-- The relay sends unsent rows in id order, marks them sent after the broker acknowledged them,
-- and purges sent rows after a retention.
create table outbox (
    id         bigserial   primary key,
    topic      text        not null,
    msg_key    text,
    payload    text        not null,
    headers    jsonb       not null default '{}'::jsonb,
    created_at timestamptz not null,
    sent_at    timestamptz
);

-- The relay reads only unsent rows, in id order: keep that lookup small however many sent rows wait for purge.
create index outbox_unsent on outbox (id) where sent_at is null;
-- The purge deletes by age of sending.
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;

-- Whether the active relay is idle and wants a NOTIFY when rows arrive. NOTIFY serializes the commits of all
-- notifying transactions (PostgreSQL holds a database-wide lock from pre-commit until the commit is flushed), so
-- writers notify only while the relay sleeps; a busy relay polls in short rounds and needs no wake-up.
create table outbox_relay_wake (
    only_row boolean primary key default true check (only_row),
    wanted   boolean not null
);
insert into outbox_relay_wake (only_row, wanted) values (true, true);

-- Wakes an idle relay when a transaction that inserted rows commits (NOTIFY is delivered on commit, dropped on
-- rollback, and repeated notifications of one transaction are folded into one). Statement-level, so a batched
-- insert costs one check, and no caller can forget it.
create function outbox_wake_relay() returns trigger language plpgsql as $$
begin
    if exists (select 1 from outbox_relay_wake where wanted) then
        perform pg_notify('outbox_relay', '');
    end if;
    return null;
end;
$$;

create trigger outbox_wake_relay
    after insert on outbox
    for each statement execute function outbox_wake_relay();
