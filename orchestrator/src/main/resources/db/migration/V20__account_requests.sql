-- Each account request as received (CONTRACT.md §6). No card number, certificate number or name is kept here:
-- a replay is told from a conflict by a keyed hash (HMAC) of its parsed content.
create table account_requests (
    account_request_id varchar(64)  primary key,
    action             varchar(20)  not null,
    account_kind       varchar(16)  not null,
    -- null until Huifu names the account (OPEN_USER)
    huifu_id           varchar(32),
    content_hmac       bytea        not null,
    requested_at       timestamptz,
    received_at        timestamptz  not null
);

create index account_requests_huifu_id on account_requests (huifu_id) where huifu_id is not null;
