-- Custos store schema, version 1 (PostgreSQL, applied by Flyway). Instants are epoch microseconds (UTC), days are
-- epoch days, months are 'YYYY-MM'. Evidence bytes live in evidence_blobs keyed by their SHA-256.
CREATE TABLE batches (
    id BIGINT PRIMARY KEY, source TEXT NOT NULL, committed_us BIGINT NOT NULL, events BIGINT NOT NULL,
    duplicate_events BIGINT NOT NULL, snapshots INTEGER NOT NULL, scores BIGINT NOT NULL, alerts INTEGER NOT NULL,
    first_event_us BIGINT, last_event_us BIGINT, digest TEXT NOT NULL);
CREATE TABLE events (
    user_id TEXT NOT NULL, ts_us BIGINT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,
    host TEXT NOT NULL, detail TEXT NOT NULL, PRIMARY KEY (user_id, id));
CREATE INDEX events_timeline ON events (user_id, ts_us);
CREATE INDEX events_time ON events (ts_us);
CREATE TABLE person_records (
    month TEXT NOT NULL, ordinal INTEGER NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL,
    email TEXT NOT NULL, role TEXT NOT NULL, projects TEXT NOT NULL, subsidiary TEXT NOT NULL,
    functional_unit TEXT NOT NULL, department TEXT NOT NULL, team TEXT NOT NULL, supervisor TEXT NOT NULL,
    clearance TEXT NOT NULL, PRIMARY KEY (month, user_id));
CREATE INDEX person_records_user ON person_records (user_id);
CREATE TABLE departures (user_id TEXT PRIMARY KEY, last_day INTEGER NOT NULL);
CREATE TABLE daily_scores (
    user_id TEXT NOT NULL, day INTEGER NOT NULL, score DOUBLE PRECISION NOT NULL, movers TEXT NOT NULL,
    contributions TEXT NOT NULL, PRIMARY KEY (user_id, day));
CREATE TABLE latest_scores (
    user_id TEXT NOT NULL, day INTEGER NOT NULL, score DOUBLE PRECISION NOT NULL, movers TEXT NOT NULL,
    contributions TEXT NOT NULL, stage INTEGER NOT NULL, PRIMARY KEY (user_id));
CREATE TABLE alerts (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, ts_us BIGINT NOT NULL, score DOUBLE PRECISION NOT NULL,
    indicators TEXT NOT NULL, story TEXT NOT NULL, state TEXT NOT NULL, reviewed_by TEXT,
    reviewed_us BIGINT, reason TEXT NOT NULL);
CREATE INDEX alerts_user ON alerts (user_id);
CREATE TABLE cases (
    id TEXT PRIMARY KEY, year INTEGER NOT NULL, number INTEGER NOT NULL, title TEXT NOT NULL,
    subjects TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT, opened_by TEXT NOT NULL,
    opened_us BIGINT NOT NULL, alert_id TEXT, outcome TEXT, updated_us BIGINT NOT NULL, UNIQUE (year, number));
CREATE TABLE case_subjects (case_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (case_id, user_id));
CREATE TABLE case_notes (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, author TEXT NOT NULL, at_us BIGINT NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (case_id, seq));
CREATE TABLE evidence (
    id TEXT PRIMARY KEY, number BIGINT NOT NULL, case_id TEXT NOT NULL, kind TEXT NOT NULL,
    name TEXT NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL, event_ids TEXT NOT NULL,
    added_by TEXT NOT NULL, added_us BIGINT NOT NULL, description TEXT NOT NULL);
CREATE INDEX evidence_case ON evidence (case_id);
CREATE TABLE evidence_blobs (sha256 TEXT PRIMARY KEY, content BYTEA NOT NULL);
CREATE TABLE accounts (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, failed_attempts INTEGER NOT NULL,
    locked_until_us BIGINT, created_us BIGINT NOT NULL);
CREATE TABLE registry_items (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, project TEXT NOT NULL,
    owner TEXT NOT NULL, sha256 TEXT NOT NULL, registered_us BIGINT NOT NULL);
CREATE TABLE custody_ledger (
    seq BIGINT PRIMARY KEY, serial TEXT NOT NULL, item TEXT NOT NULL, action TEXT NOT NULL,
    who TEXT NOT NULL, at_us BIGINT NOT NULL, location TEXT NOT NULL, purpose TEXT NOT NULL);
CREATE INDEX custody_serial ON custody_ledger (serial);
