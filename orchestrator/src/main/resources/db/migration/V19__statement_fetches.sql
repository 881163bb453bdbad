-- Fetching Huifu's withdrawal statement, one row per account and trade date. The query count is written before each
-- query is sent, so a restart never takes an account past Huifu's recommended three queries a file date.
create table statement_fetches (
    huifu_id       varchar(32)  not null,
    trade_date     varchar(8)   not null,
    queries        int          not null default 0,
    state          varchar(16)  not null,
    detail         text,
    file_name      varchar(255),
    statement_rows bigint,
    last_query_at  timestamptz,
    matched_at     timestamptz,
    primary key (trade_date, huifu_id),
    constraint statement_fetches_state check (state in ('WAITING', 'MATCHED', 'GAVE_UP', 'REFUSED'))
);

-- Serials a trade date's statement did not list but a later one still may (crossing midnight): the next trade
-- date's matching expects them too. Rewritten by every run of the date.
create table statement_carried (
    huifu_id    varchar(32) not null,
    trade_date  varchar(8)  not null,
    req_date    varchar(8)  not null,
    req_seq_id  varchar(64) not null,
    primary key (trade_date, huifu_id, req_date, req_seq_id)
);
