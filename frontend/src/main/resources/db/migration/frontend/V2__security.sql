-- Identities: users with a role, their API keys (only a SHA-256 of each key is stored), and scan ownership.

create table app_user (
    username   varchar(64)  primary key,
    role       varchar(16)  not null check (role in ('ADMIN', 'ANALYST', 'READER')),
    created_at timestamptz  not null
);

-- key_hash: hex SHA-256 of the key. The keys are 256-bit random secrets, so a fast hash is enough: there is
-- nothing to guess that a slow password hash would protect (see docs/security.md).
create table api_key (
    id           uuid         primary key,
    username     varchar(64)  not null references app_user (username),
    name         varchar(100) not null,
    key_hash     varchar(64)  not null unique,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_key_username_idx on api_key (username);

-- Who submitted the scan; scans recorded before this migration have none and are visible to admins only.
alter table scan add column owner varchar(64) references app_user (username);
create index scan_owner_created_at_idx on scan (owner, created_at desc);
