-- Custos store schema, version 1 (embedded, DuckDB). Instants are epoch microseconds (UTC), days are epoch days,
-- months are 'YYYY-MM'. Evidence bytes live in evidence_blobs keyed by their SHA-256. Events carry no index: each batch is written sorted by (user_id, ts_us), so a person's
-- timeline reads one narrow run per batch through DuckDB's min/max zone maps.
CREATE TABLE batches (
    id BIGINT PRIMARY KEY, source VARCHAR NOT NULL, committed_us BIGINT NOT NULL, events BIGINT NOT NULL,
    duplicate_events BIGINT NOT NULL, snapshots INTEGER NOT NULL, scores BIGINT NOT NULL, alerts INTEGER NOT NULL,
    first_event_us BIGINT, last_event_us BIGINT, digest VARCHAR NOT NULL);
CREATE TABLE events (
    user_id VARCHAR NOT NULL, ts_us BIGINT NOT NULL, id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    host VARCHAR NOT NULL, detail VARCHAR NOT NULL);
CREATE TABLE person_records (
    month VARCHAR NOT NULL, ordinal INTEGER NOT NULL, user_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
    email VARCHAR NOT NULL, role VARCHAR NOT NULL, projects VARCHAR NOT NULL, subsidiary VARCHAR NOT NULL,
    functional_unit VARCHAR NOT NULL, department VARCHAR NOT NULL, team VARCHAR NOT NULL, supervisor VARCHAR NOT NULL,
    clearance VARCHAR NOT NULL);
CREATE TABLE departures (user_id VARCHAR NOT NULL, last_day INTEGER NOT NULL);
CREATE TABLE daily_scores (
    user_id VARCHAR NOT NULL, day INTEGER NOT NULL, score DOUBLE NOT NULL, movers VARCHAR NOT NULL,
    contributions VARCHAR NOT NULL);
CREATE TABLE latest_scores (
    user_id VARCHAR NOT NULL, day INTEGER NOT NULL, score DOUBLE NOT NULL, movers VARCHAR NOT NULL,
    contributions VARCHAR NOT NULL, stage INTEGER NOT NULL);
CREATE TABLE alerts (
    id VARCHAR PRIMARY KEY, user_id VARCHAR NOT NULL, ts_us BIGINT NOT NULL, score DOUBLE NOT NULL,
    indicators VARCHAR NOT NULL, story VARCHAR NOT NULL, state VARCHAR NOT NULL, reviewed_by VARCHAR,
    reviewed_us BIGINT, reason VARCHAR NOT NULL);
CREATE TABLE cases (
    id VARCHAR PRIMARY KEY, year INTEGER NOT NULL, number INTEGER NOT NULL, title VARCHAR NOT NULL,
    subjects VARCHAR NOT NULL, status VARCHAR NOT NULL, assignee VARCHAR, opened_by VARCHAR NOT NULL,
    opened_us BIGINT NOT NULL, alert_id VARCHAR, outcome VARCHAR, updated_us BIGINT NOT NULL);
CREATE TABLE case_subjects (case_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL);
CREATE TABLE case_notes (
    case_id VARCHAR NOT NULL, seq INTEGER NOT NULL, author VARCHAR NOT NULL, at_us BIGINT NOT NULL,
    text VARCHAR NOT NULL, PRIMARY KEY (case_id, seq));
CREATE TABLE evidence (
    id VARCHAR PRIMARY KEY, number BIGINT NOT NULL, case_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, size BIGINT NOT NULL, event_ids VARCHAR NOT NULL,
    added_by VARCHAR NOT NULL, added_us BIGINT NOT NULL, description VARCHAR NOT NULL);
CREATE TABLE evidence_blobs (sha256 VARCHAR PRIMARY KEY, content BLOB NOT NULL);
CREATE TABLE accounts (
    name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL, failed_attempts INTEGER NOT NULL,
    locked_until_us BIGINT, created_us BIGINT NOT NULL);
CREATE TABLE registry_items (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, level VARCHAR NOT NULL, project VARCHAR NOT NULL,
    owner VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, registered_us BIGINT NOT NULL);
CREATE TABLE custody_ledger (
    seq BIGINT PRIMARY KEY, serial VARCHAR NOT NULL, item VARCHAR NOT NULL, action VARCHAR NOT NULL,
    who VARCHAR NOT NULL, at_us BIGINT NOT NULL, location VARCHAR NOT NULL, purpose VARCHAR NOT NULL);
