-- The current state of each withdrawal. The row is the truth; the state machine is rehydrated from it.
create table withdrawals (
    withdrawal_id       varchar(64)  primary key,
    status              varchar(16)  not null,
    -- optimistic lock: every update checks and increments it
    version             bigint       not null,
    huifu_id            varchar(32)  not null,
    account_kind        varchar(16)  not null,
    token_no            varchar(20)  not null,
    cash_amt            numeric(14, 2) not null,
    into_acct_date_type varchar(3)   not null,
    acct_id             varchar(32),
    remark              varchar(100),
    requested_at        timestamptz,
    -- the request as received, for replay comparison and evidence
    request             text         not null,
    -- the current serial (earlier ones stay in withdrawal_serials)
    req_date            char(8)      not null,
    req_seq_id          varchar(64)  not null,
    hf_seq_id           varchar(128),
    fee_amt             numeric(14, 2),
    attention           boolean      not null default false,
    attention_reason    text,
    -- what the submission workers do next (SUBMIT or QUERY) and when; null when nothing is due
    next_action         varchar(8),
    next_action_at      timestamptz,
    lease_owner         varchar(64),
    lease_until         timestamptz,
    attempts            integer      not null default 0,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);

create index withdrawals_due on withdrawals (next_action_at) where next_action is not null;
create index withdrawals_status on withdrawals (status);
create index withdrawals_attention on withdrawals (withdrawal_id) where attention;

-- Every serial ever assigned (and possibly sent) to Huifu, with what Huifu said about it.
-- Unique per huifu_id per Beijing day, as Huifu requires (PROTOCOL.md §9).
create table withdrawal_serials (
    huifu_id          varchar(32)  not null,
    req_date          char(8)      not null,
    req_seq_id        varchar(64)  not null,
    withdrawal_id     varchar(64)  not null references withdrawals (withdrawal_id),
    created_at        timestamptz  not null,
    -- how often it was sent; > 0 means Huifu may have it, so it must be queried before any other serial
    sent_count        integer      not null default 0,
    last_sent_at      timestamptz,
    submit_outcome    varchar(16),
    submit_code       varchar(16),
    submit_desc       text,
    query_count       integer      not null default 0,
    not_found_count   integer      not null default 0,
    first_not_found_at timestamptz,
    last_query_at     timestamptz,
    last_query_result varchar(16),
    primary key (huifu_id, req_date, req_seq_id)
);

create index withdrawal_serials_withdrawal on withdrawal_serials (withdrawal_id);

-- Append-only history: one row per state entered (with the event_id published for it) and one row per
-- piece of evidence that changed no state (late, duplicate or contradicting), so nothing is ever forgotten.
create table withdrawal_transitions (
    id             bigserial    primary key,
    withdrawal_id  varchar(64)  not null references withdrawals (withdrawal_id),
    event_id       uuid         unique,
    from_status    varchar(16),
    to_status      varchar(16),
    source         varchar(16)  not null,
    evidence       text,
    reason_code    varchar(32),
    reason         text,
    occurred_at    timestamptz  not null
);

create index withdrawal_transitions_withdrawal on withdrawal_transitions (withdrawal_id, id);
