-- The fee the account's cash configuration gives (CONTRACT.md §6), fixed when the withdrawal is sent; null when the
-- configuration was not known then. A Huifu fee_amt that differs flags the withdrawal (FEE_MISMATCH).
alter table withdrawals add column expected_fee_amt numeric(14, 2);
