-- The brain's schema: the probe registry, the scans it received and one job row per (scan, file, probe).

-- One row per probe (engine) name: the latest descriptor any instance sent.
create table probe (
    name              varchar(64)  primary key,
    display_name      text,
    category          varchar(16)  not null,
    version           text,
    engine_version    text,
    signature_version text,
    mime_types        text,
    timeout_ms        bigint       not null default 0,
    first_seen        timestamptz  not null,
    last_seen         timestamptz  not null
);

-- Which probe processes run which probe, and when each was last heard of (online = seen recently).
create table probe_instance (
    instance_id varchar(255) not null,
    probe_name  varchar(64)  not null references probe (name) on delete cascade,
    last_seen   timestamptz  not null,
    primary key (instance_id, probe_name)
);

create index probe_instance_last_seen_idx on probe_instance (last_seen);

-- A scan the brain has heard of: requested = fanned out; cancelled = a CancelScan arrived (maybe first).
create table scan (
    id          uuid        primary key,
    received_at timestamptz not null,
    cancelled   boolean     not null default false,
    requested   boolean     not null default false
);

-- One row per (scan, file, probe), including the pairs answered at once (origin FILTER, OFFLINE, CACHE),
-- so every reported result is auditable. Only origin ENGINE rows feed the result cache.
create table job (
    id                uuid        primary key,
    scan_id           uuid        not null references scan (id),
    sha256            varchar(64) not null,
    probe             varchar(64) not null,
    mime_type         text,
    status            varchar(16) not null
        constraint job_status_check check (status in ('PENDING', 'DONE', 'TIMEOUT', 'CANCELLED')),
    origin            varchar(16) not null
        constraint job_origin_check check (origin in ('ENGINE', 'CACHE', 'FILTER', 'OFFLINE', 'DEADLINE')),
    attempt           integer     not null,
    deadline          timestamptz,
    created_at        timestamptz not null,
    finished_at       timestamptz,
    category          varchar(32)
        constraint job_category_check check (category in
            ('malicious', 'suspicious', 'undetected', 'harmless', 'timeout', 'failure', 'type-unsupported')),
    result            text,
    engine_version    text,
    signature_version text,
    duration_ms       bigint,
    error             text,
    details           jsonb,
    constraint job_scan_file_probe_unique unique (scan_id, sha256, probe)
);

-- The deadline sweeper: PENDING jobs past their deadline.
create index job_status_deadline_idx on job (status, deadline);

-- The result cache: the latest result of a file by a probe at given engine and signature versions.
create index job_cache_idx on job (sha256, probe, engine_version, signature_version, finished_at desc);
