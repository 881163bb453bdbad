-- Years of withdrawals without a slower hot path. A finished withdrawal leaves the hot tables once it has been final
-- for orchestrator.retention.archive-after (the archiver, package retention): its row, its serials and its history
-- move to the archive tables below, partitioned by the month the withdrawal was created, so the hot tables hold the
-- open and the recent ones only and a year of history costs the hot path nothing. Retention works on the archive by
-- whole months: a month older than orchestrator.retention.keep-months is detached (kept as its own tables, to be
-- exported) or dropped, never deleted row by row.

-- What remains of every archived withdrawal for good, so that idempotency outlives retention (CONTRACT.md §3): its
-- id with the fingerprint of its content (WithdrawalRequested.contentFingerprint), and every serial it was sent
-- under. Never partitioned, never dropped: a request replayed years later is recognised (the same content changes
-- nothing, other content is an IDEMPOTENCY_CONFLICT), and a late notice for an archived serial is known as one.
create table withdrawal_keys (
    withdrawal_id        varchar(64) primary key,
    content_fingerprint  bytea       not null,
    created_at           timestamptz not null,
    archived_at          timestamptz not null
);

create table serial_keys (
    huifu_id       varchar(32) not null,
    req_date       char(8)     not null,
    req_seq_id     varchar(64) not null,
    withdrawal_id  varchar(64) not null,
    primary key (huifu_id, req_date, req_seq_id)
);

-- a notice may leave huifu_id out (V17): found by its serial and date, as in the hot table
create index serial_keys_by_seq on serial_keys (req_seq_id, req_date);

-- The archive: the hot tables' columns, with the withdrawal's creation time as the partition key of its serials and
-- history. The archiver copies by column name, so a column added to a hot table must be added here too
-- (ArchiveSchemaIntegrationTest fails until it is). No unique keys: the rows were unique where they came from, and
-- a partitioned table's unique key would have to carry the month.
create table archived_withdrawals (like withdrawals) partition by range (created_at);
create index archived_withdrawals_id on archived_withdrawals (withdrawal_id);

create table archived_serials (like withdrawal_serials, withdrawal_created_at timestamptz not null)
    partition by range (withdrawal_created_at);
create index archived_serials_withdrawal on archived_serials (withdrawal_id);

create table archived_transitions (like withdrawal_transitions, withdrawal_created_at timestamptz not null)
    partition by range (withdrawal_created_at);
create index archived_transitions_withdrawal on archived_transitions (withdrawal_id, id);
