-- Vigil store schema, version 3: exceptions (accepted risks). Portable SQL for SQLite and PostgreSQL.
-- An exception covers the FAILs of the results it matches until it expires or is revoked: a
-- scope column left NULL matches anything; rule and resource are globs (* and ?); the resource
-- glob is matched against the resource's id (the ARN for AWS) and its name. Rows are never
-- deleted: revoking sets revoked_*, and every change is written to audit_log.

CREATE TABLE exceptions (
    id            ${id_pk},
    account       TEXT,
    region        TEXT,
    rule          TEXT NOT NULL,
    resource      TEXT,
    tag_key       TEXT,
    tag_value     TEXT,
    reason        TEXT NOT NULL CHECK (reason <> ''),
    owner         TEXT,
    approver      TEXT,
    created       TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    expires       TEXT NOT NULL,
    revoked_at    TEXT,
    revoked_by    TEXT,
    revoke_reason TEXT
);

-- The exception a SUPPRESSED finding is suppressed by (NULL otherwise).
ALTER TABLE findings ADD COLUMN exception_id BIGINT;

-- What a scan has to say beside its counts, as a JSON list of lines ("exception 3 expired on 2026-11-03").
ALTER TABLE scans ADD COLUMN notes TEXT;
