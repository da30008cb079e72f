-- A result for a file found inside an archive can reach one frontend before another frontend has stored the brain's
-- relay that adds that file to the scan (competing consumers). Such a result waits here, not counted, and is stored
-- and counted when the file joins the scan (dev.argus.frontend.scan.ResultRecorder); the rows of a scan go when it
-- finishes.
create table scan_result_early (
    scan_id     uuid        not null references scan (id) on delete cascade,
    sha256      varchar(64) not null,
    probe       varchar(64) not null,
    result      jsonb       not null,
    received_at timestamptz not null,
    primary key (scan_id, sha256, probe)
);
