-- Each account request's way through Huifu (CONTRACT.md §6): the step it is at, the serial of the call that
-- changes something at Huifu (written before the call is sent, so a crash or a lost answer leads to a lookup and
-- never to the same change under a second serial), the apply_no of an application under review, and the request
-- itself sealed (AES-GCM) only while the application is open: sealed_request is emptied when it is final.
create table account_applications (
    account_request_id varchar(64)  primary key references account_requests (account_request_id),
    action             varchar(20)  not null,
    account_kind       varchar(16)  not null,
    -- null until Huifu names the account (OPEN_USER)
    huifu_id           varchar(32),
    step               varchar(24)  not null,
    -- OPEN until final: APPROVED, REJECTED, FAILED; ATTENTION waits for an operator
    state              varchar(16)  not null,
    req_date           varchar(8),
    req_seq_id         varchar(32),
    -- the serial above was handed to Huifu (or may have been): its answer decides, or a lookup does
    sent               boolean      not null default false,
    apply_no           varchar(32),
    sealed_request     bytea,
    sealing_key_id     varchar(16),
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz  not null,
    lease_until        timestamptz,
    reason_code        varchar(32),
    reason             varchar(512),
    business_item      varchar(8),
    received_at        timestamptz  not null,
    applied_at         timestamptz,
    final_at           timestamptz,
    updated_at         timestamptz  not null
);

create index account_applications_due on account_applications (next_attempt_at) where final_at is null;
create index account_applications_serial on account_applications (huifu_id, req_seq_id);
create index account_applications_apply_no on account_applications (apply_no) where apply_no is not null;
