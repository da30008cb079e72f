-- Priorities (docs/architecture.md#priorities): the work class of a job's scan, interactive or bulk, sent as the
-- AMQP priority of every attempt. Jobs of before were all one class: interactive.
alter table job add column work_class text not null default 'interactive'
    constraint job_work_class_check check (work_class in ('interactive', 'bulk'));
