-- Overrides (dev.argus.frontend.override): an admin's word over the engines, applied whenever a verdict is
-- computed, so it changes every scan, present and future, without rewriting a result. A row is either a file
-- override (sha256 with action allow or block) or a false positive (engine and threat). Lifting deletes the row;
-- the audit log keeps who set and lifted it.
create table verdict_override (
    id         bigserial     primary key,
    sha256     varchar(64),
    engine     varchar(64),
    threat     varchar(300),
    action     varchar(16)   not null check (action in ('allow', 'block', 'false-positive')),
    reason     varchar(500)  not null,
    created_by varchar(64)   not null,
    created_at timestamptz   not null,
    check ((action in ('allow', 'block') and sha256 is not null and engine is null and threat is null)
        or (action = 'false-positive' and sha256 is null and engine is not null and threat is not null))
);
create unique index verdict_override_file_idx on verdict_override (sha256) where sha256 is not null;
create unique index verdict_override_fp_idx on verdict_override (engine, threat) where engine is not null;

-- Model adoption: a trained model is a candidate until an admin adopts it; the current model is the newest
-- adopted one. Models trained before this migration were current as soon as they were trained: adopted.
alter table verdict_model add column adopted_at timestamptz;
alter table verdict_model add column adopted_by varchar(64);
update verdict_model set adopted_at = created_at, adopted_by = 'system';
