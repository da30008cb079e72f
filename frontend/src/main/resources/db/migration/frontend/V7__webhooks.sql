-- Webhooks (dev.argus.frontend.webhook). A scan may name a callback URL; a user may subscribe URLs to all of its
-- scans. When a scan finishes, one delivery per target is written to webhook_delivery in the transaction that
-- finishes it (an outbox): a dispatcher in every frontend claims due rows and POSTs them.
alter table scan add column callback_url varchar(2048);

-- secret: the HMAC-SHA256 key, kept in clear because signing needs it; shown to its owner once, at creation.
create table webhook_subscription (
    id          uuid          primary key,
    owner       varchar(64)   not null references app_user (username),
    url         varchar(2048) not null,
    description varchar(200),
    events      text[]        not null,
    secret      varchar(100)  not null,
    created_at  timestamptz   not null
);
create index webhook_subscription_owner_idx on webhook_subscription (owner);

-- The key that signs the deliveries to the per-scan callback URLs of a user's scans; replaced on demand.
create table webhook_callback_secret (
    owner      varchar(64)  primary key references app_user (username),
    secret     varchar(100) not null,
    created_at timestamptz  not null
);

-- next_attempt_at: when a pending delivery is due; a dispatcher that claims it moves it past the end of its attempt
-- (a lease), so another dispatcher does not send the same attempt.
create table webhook_delivery (
    id              uuid          primary key,
    scan_id         uuid          not null references scan (id) on delete cascade,
    owner           varchar(64),
    subscription_id uuid          references webhook_subscription (id) on delete set null,
    kind            varchar(16)   not null check (kind in ('callback', 'subscription')),
    url             varchar(2048) not null,
    event           varchar(32)   not null,
    status          varchar(16)   not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer       not null default 0,
    created_at      timestamptz   not null,
    deadline_at     timestamptz   not null,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(500),
    delivered_at    timestamptz
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_scan_idx on webhook_delivery (scan_id);
