-- When a query first answered trans_status F for this serial before any debit was seen. The failed-confirmation
-- wait runs from here: an unanswered query in between (timeout, 5xx, rate limit) no longer starts it again, so a
-- withdrawal that meets faults on every few queries still concludes one wait after Huifu's first F.
alter table withdrawal_serials add column first_failed_at timestamptz;
