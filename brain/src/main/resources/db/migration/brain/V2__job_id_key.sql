-- The secret key of job ids (dev.argus.brain.job.JobIds): one row, made once by the database's strong random
-- generator and never sent anywhere, so every brain sharing this schema computes the same job ids and nobody else
-- can. A probe that sees its own jobs cannot derive the ids of another engine's jobs.
create table job_id_key (
    id     boolean primary key default true check (id),
    secret text    not null
);

insert into job_id_key (secret) values (gen_random_uuid()::text || gen_random_uuid()::text);
