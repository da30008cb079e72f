-- The RabbitMQ user (the user_id the broker vouches for) that first registered each probe: only that credential may
-- send the probe's heartbeats and change its descriptor. Null for a probe registered before this column existed; its
-- next registration records the credential.
alter table probe add column registered_by text;
