-- Who ran a daily reconciliation report from the console (the signed-in identity); null when the schedule or the
-- operations API ran it.
alter table reconciliation_reports add column run_by varchar(100);
