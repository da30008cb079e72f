-- The audit log (dev.argus.frontend.audit): one row per admin action (a user created, disabled or given another
-- role, a key revoked, a file deleted, an override set or lifted, a model adopted, a retention run), never updated.
-- actor: the username that acted, or "system" for a scheduled job.
create table audit_event (
    id     bigserial    primary key,
    at     timestamptz  not null,
    actor  varchar(64)  not null,
    action varchar(64)  not null,
    target varchar(300) not null,
    detail varchar(2000)
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_action_idx on audit_event (action, at desc);
