-- The request's JSON duplicated the columns beside it: every field of a withdrawal request has a column of its own,
-- the JSON was written from the parsed request (not from the bytes received), and no statement read it. It made
-- each withdrawal's row and its WAL about 350 bytes longer and cost intake a JSON rendering per request. The archive
-- follows the hot table (ArchiveTables copies by column name); a month already detached keeps the column it had.
alter table withdrawals drop column request;
alter table archived_withdrawals drop column request;
