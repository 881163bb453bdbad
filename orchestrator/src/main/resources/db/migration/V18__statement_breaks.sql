-- Disagreements between Huifu's daily withdrawal statement and our withdrawals. The unique key (trade date, class,
-- serial) makes a re-run of the same statement a no-op: a break is raised once, and an explained one stays closed.
create table statement_breaks (
    id             bigserial primary key,
    trade_date     varchar(8)  not null,
    break_class    varchar(32) not null,
    req_seq_id     varchar(64) not null,
    huifu_id       varchar(32),
    withdrawal_id  varchar(64),
    detail         text        not null,
    found_at       timestamptz not null,
    explained_at   timestamptz,
    explained_by   varchar(128),
    explanation    text,
    constraint statement_breaks_key unique (trade_date, break_class, req_seq_id),
    constraint statement_breaks_explained check ((explained_at is null) = (explained_by is null))
);

create index statement_breaks_open on statement_breaks (trade_date) where explained_at is null;
