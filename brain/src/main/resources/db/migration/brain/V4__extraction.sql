-- Recursive extraction (docs/engines/extract.md): files found inside a container join its scan, so the brain keeps
-- what the scan asked for (its probes, force) to fan those files out as well.
alter table scan add column probes text[];
alter table scan add column force boolean;

-- The scan's passwords for encrypted containers, held only by a PENDING job of an extraction probe (a retry sends
-- them again) and cleared when the job ends.
alter table job add column passwords text[];

-- EXTRACTED: the answer of the extraction probe for a file found inside a container, taken from the report of the
-- job that opened the container.
alter table job drop constraint job_origin_check;
alter table job add constraint job_origin_check
    check (origin in ('ENGINE', 'CACHE', 'FILTER', 'OFFLINE', 'DEADLINE', 'EXTRACTED'));
