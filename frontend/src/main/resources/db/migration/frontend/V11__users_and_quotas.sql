-- Users and keys (issue 17): a user can be disabled (its keys and sessions stop working, and work again when it
-- is re-enabled), can carry its own quotas, and keys can expire. Quotas are counted per user in PostgreSQL so
-- that every frontend sees the same counts (dev.argus.frontend.quota).

alter table app_user add column enabled boolean not null default true;
-- per-user quota overrides, {"scans-per-day": 100, ...}; a limit absent here takes argus.quota.*
alter table app_user add column quotas jsonb not null default '{}';

alter table api_key add column expires_at timestamptz;

-- What a user submitted on a UTC day: incremented in the scan's own transaction, so a refused or rolled back
-- scan counts nothing.
create table user_usage (
    username varchar(64) not null references app_user (username),
    day      date        not null,
    scans    bigint      not null default 0,
    bytes    bigint      not null default 0,
    primary key (username, day)
);

-- the concurrent-scans quota counts a user's unfinished scans
create index scan_owner_active_idx on scan (owner) where status in ('queued', 'running');
