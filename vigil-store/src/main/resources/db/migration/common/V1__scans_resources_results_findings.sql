-- Vigil store schema, version 1. Portable SQL for SQLite and PostgreSQL; the only difference, the
-- auto-generated key, comes from the placeholder ${id_pk} (see dev.vigil.store.Dialect).
-- Times are TEXT in UTC, ISO-8601 with milliseconds (2026-11-01T10:00:00.000Z): fixed width, so
-- they sort and compare as text the same on both databases. JSON columns are TEXT.

CREATE TABLE scans (
    id              ${id_pk},
    started         TEXT NOT NULL,
    finished        TEXT,
    recorded        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('incomplete', 'complete')),
    inputs          TEXT NOT NULL,
    accounts        TEXT NOT NULL,
    regions         TEXT NOT NULL,
    parameters      TEXT NOT NULL,
    catalog_version TEXT,
    resource_count  BIGINT NOT NULL DEFAULT 0,
    result_count    BIGINT NOT NULL DEFAULT 0,
    pass_count      BIGINT NOT NULL DEFAULT 0,
    fail_count      BIGINT NOT NULL DEFAULT 0,
    error_count     BIGINT NOT NULL DEFAULT 0,
    unknown_count   BIGINT NOT NULL DEFAULT 0,
    gap_count       BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE scan_resources (
    scan_id     BIGINT NOT NULL REFERENCES scans (id),
    provider    TEXT NOT NULL,
    type        TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    name        TEXT NOT NULL,
    account     TEXT NOT NULL,
    region      TEXT NOT NULL,
    canonical   TEXT NOT NULL,
    sha256      TEXT NOT NULL
);
CREATE INDEX scan_resources_scan ON scan_resources (scan_id, resource_id);

CREATE TABLE scan_results (
    scan_id       BIGINT NOT NULL REFERENCES scans (id),
    finding_id    TEXT NOT NULL,
    rule_id       TEXT NOT NULL,
    severity      TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('PASS', 'FAIL', 'ERROR', 'UNKNOWN')),
    reason        TEXT NOT NULL,
    provider      TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    account       TEXT NOT NULL,
    region        TEXT NOT NULL,
    origin        TEXT NOT NULL
);
CREATE INDEX scan_results_scan ON scan_results (scan_id, finding_id);
CREATE INDEX scan_results_finding ON scan_results (finding_id);

CREATE TABLE findings (
    finding_id    TEXT PRIMARY KEY,
    rule_id       TEXT NOT NULL,
    provider      TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    account       TEXT NOT NULL,
    region        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'RESOLVED', 'REOPENED', 'SUPPRESSED')),
    severity      TEXT NOT NULL,
    reason        TEXT NOT NULL,
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL,
    resolved_at   TEXT,
    first_scan_id BIGINT NOT NULL REFERENCES scans (id),
    last_scan_id  BIGINT NOT NULL REFERENCES scans (id)
);
CREATE INDEX findings_account ON findings (account, region);
CREATE INDEX findings_status ON findings (status);

-- Every change of a finding's status or severity, in order: the lifecycle and severity history.
CREATE TABLE finding_history (
    id            ${id_pk},
    finding_id    TEXT NOT NULL REFERENCES findings (finding_id),
    scan_id       BIGINT NOT NULL REFERENCES scans (id),
    at            TEXT NOT NULL,
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    from_severity TEXT,
    to_severity   TEXT NOT NULL,
    cause         TEXT NOT NULL
);
CREATE INDEX finding_history_finding ON finding_history (finding_id, id);

-- Append-only (enforced by triggers in the dialect's V2).
CREATE TABLE audit_log (
    id      ${id_pk},
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL
);
