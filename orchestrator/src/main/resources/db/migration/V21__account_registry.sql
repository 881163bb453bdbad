-- What the orchestrator knows of each account (CONTRACT.md §6), with where and when each fact was learned.
-- A null list or status is unknown, never empty: checks before a withdrawal pass what is unknown.
create table accounts (
    huifu_id               varchar(32)  primary key,
    account_kind           varchar(16)  not null,
    -- JSON list in account.updates' field names; null until a cash configuration was learned
    cash_config            text,
    cash_config_source     varchar(16),
    cash_config_learned_at timestamptz,
    mer_stat               varchar(24),
    mer_stat_source        varchar(16),
    mer_stat_learned_at    timestamptz,
    -- null until a card list was learned: until then no card is known to be missing
    cards_source           varchar(16),
    cards_learned_at       timestamptz,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);

-- Each withdrawal card: the masked number and a keyed hash, never the full number.
create table account_cards (
    huifu_id        varchar(32)  not null references accounts (huifu_id),
    token_no        varchar(32)  not null,
    masked_card_no  varchar(32),
    card_hmac       varchar(64),
    card_type       varchar(2),
    is_default      boolean      not null,
    open            boolean      not null,
    source          varchar(16)  not null,
    learned_at      timestamptz  not null,
    primary key (huifu_id, token_no)
);
