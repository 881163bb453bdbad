-- Daily reconciliation: for one business date (the Beijing req_date of the serials), what we hold against what
-- Huifu answers. A re-run replaces the date's report.
create table reconciliation_reports (
    business_date char(8)     primary key,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    checked       integer     not null default 0,
    matched       integer     not null default 0,
    mismatched    integer     not null default 0,
    unanswered    integer     not null default 0
);

create table reconciliation_lines (
    business_date      char(8)      not null references reconciliation_reports (business_date) on delete cascade,
    withdrawal_id      varchar(64)  not null,
    huifu_id           varchar(32)  not null,
    req_seq_id         varchar(64)  not null,
    current_serial     boolean      not null,
    status             varchar(16)  not null,
    cash_amt           numeric(14, 2) not null,
    fee_amt            numeric(14, 2),
    huifu_trans_status varchar(16),
    huifu_cash_amt     numeric(14, 2),
    huifu_fee_amt      numeric(14, 2),
    -- MATCH, MISMATCH or UNANSWERED (the query itself failed; checked again on the next run)
    result             varchar(16)  not null,
    detail             text,
    primary key (business_date, huifu_id, req_seq_id)
);

create index withdrawal_serials_req_date on withdrawal_serials (req_date);
