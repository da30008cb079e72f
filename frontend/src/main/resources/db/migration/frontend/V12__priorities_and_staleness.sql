-- Priorities (docs/architecture.md#priorities): the brain's last measurement of each probe's queue (ready job
-- batches), by which bulk submissions are refused past argus.priority.max-bulk-backlog; and each scan's work class.
alter table probe add column backlog bigint;
alter table scan add column work_class text not null default 'interactive'
    constraint scan_work_class_check check (work_class in ('interactive', 'bulk'));
