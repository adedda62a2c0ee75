-- Camel Video job store (JdbcJobStore), PostgreSQL. The store runs these statements itself on first use;
-- they are safe to run again. A DBA who creates the tables beforehand can revoke CREATE from the application.

-- One row per job, keyed by idempotency key. JSON columns hold small maps as text.
CREATE TABLE IF NOT EXISTS camel_video_jobs (
    job_key          VARCHAR(1024)            NOT NULL PRIMARY KEY,
    format           INTEGER                  NOT NULL,
    version          BIGINT                   NOT NULL,
    provider         VARCHAR(128)             NOT NULL,
    job_ref          TEXT,
    request_digest   VARCHAR(256),
    state            VARCHAR(16)              NOT NULL,
    cost_usd         NUMERIC(19, 6),
    output_file      TEXT,
    headers          TEXT                     NOT NULL,
    owner            VARCHAR(255),
    lease_expires_at TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    failure          TEXT,
    -- the key of the larger job (a storyboard) this job is a part of; parts are never collected on their own
    part_of          VARCHAR(1024),
    -- what the create request asked for, to recognise an unanswered create in the provider's job list
    request          TEXT
);

-- Resuming and claiming look jobs up by state; the spending limit sums estimates by creation time.
CREATE INDEX IF NOT EXISTS camel_video_jobs_state_idx ON camel_video_jobs (state, created_at);
CREATE INDEX IF NOT EXISTS camel_video_jobs_created_idx ON camel_video_jobs (created_at);

-- Ids already seen (webhook deliveries), each until its expiry.
CREATE TABLE IF NOT EXISTS camel_video_replay_ids (
    replay_id  VARCHAR(1024)            NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS camel_video_replay_ids_expires_idx ON camel_video_replay_ids (expires_at);
