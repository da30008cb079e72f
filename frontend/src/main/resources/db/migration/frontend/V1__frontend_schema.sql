-- The frontend's own schema: files by sha256, scans, per-engine results and a copy of the probe directory.

-- One row per distinct content, keyed by sha256; md5/sha1 for lookups and searches by those hashes.
create table file (
    sha256     varchar(64)  primary key,
    md5        varchar(32)  not null,
    sha1       varchar(40)  not null,
    size       bigint       not null check (size >= 0),
    mime_type  varchar(255) not null,
    first_seen timestamptz  not null,
    last_seen  timestamptz  not null
);
-- varchar_pattern_ops serves both equality and prefix (LIKE 'abc%') lookups.
create index file_md5_idx on file (md5 varchar_pattern_ops);
create index file_sha1_idx on file (sha1 varchar_pattern_ops);
create index file_sha256_prefix_idx on file (sha256 varchar_pattern_ops);
create index file_last_seen_idx on file (last_seen desc);

-- Every (sanitised) name a file was submitted under; display only, never a path.
create table file_name (
    sha256     varchar(64)  not null references file (sha256),
    name       varchar(255) not null,
    first_seen timestamptz  not null,
    primary key (sha256, name)
);

create table scan (
    id          uuid         primary key,
    status      varchar(16)  not null check (status in ('queued', 'running', 'finished', 'cancelled', 'error')),
    created_at  timestamptz  not null,
    finished_at timestamptz,
    force       boolean      not null,
    probes      text[]       not null,
    tags        text[]       not null default '{}',
    metadata    jsonb        not null default '{}',
    total       integer      not null check (total >= 0),
    done        integer      not null default 0 check (done >= 0)
);
create index scan_created_at_idx on scan (created_at desc);
create index scan_status_created_at_idx on scan (status, created_at desc);
-- tag:NAME searches use tags @> array[NAME]
create index scan_tags_idx on scan using gin (tags);

-- The distinct files of a scan, in submission order, with the name used in that scan.
create table scan_file (
    scan_id  uuid         not null references scan (id) on delete cascade,
    sha256   varchar(64)  not null references file (sha256),
    name     varchar(255),
    position integer      not null,
    primary key (scan_id, sha256)
);
create index scan_file_sha256_idx on scan_file (sha256);

-- One result per (scan, file, probe); the primary key makes a repeated report a no-op.
-- Engine-supplied strings are text: an unexpectedly long value must not make a message unstorable.
create table scan_result (
    scan_id           uuid         not null,
    sha256            varchar(64)  not null,
    probe             varchar(64)  not null,
    category          varchar(32)  not null,
    result            text,
    engine_version    text,
    signature_version text,
    duration_ms       bigint       not null,
    error             text,
    cached            boolean      not null,
    details           jsonb        not null default '{}',
    reported_at       timestamptz  not null,
    primary key (scan_id, sha256, probe),
    foreign key (scan_id, sha256) references scan_file (scan_id, sha256) on delete cascade
);
-- latest result per probe for a file, across scans
create index scan_result_latest_idx on scan_result (sha256, probe, reported_at desc);

-- The frontend's copy of the brain's probe directory, replaced by every ProbeDirectoryUpdated.
create table probe (
    name              varchar(64)  primary key,
    display_name      text,
    category          varchar(32)  not null,
    version           text,
    engine_version    text,
    signature_version text,
    mime_types        text,
    online            boolean      not null,
    instances         integer      not null,
    last_seen         timestamptz,
    updated_at        timestamptz  not null
);
