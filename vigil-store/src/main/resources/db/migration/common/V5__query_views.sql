-- Vigil store schema, version 5: read-only views for `vigil query` and for anyone reading the store
-- with SQL. The same names, columns and rows on SQLite and PostgreSQL (portable SQL only: no date
-- arithmetic, no JSON functions, no booleans). docs/store.md documents every column.
-- The tables under them may change between versions; these views are the stable surface.
-- An exceptions view (v_exceptions) belongs beside these once the exceptions table exists.

-- Every scan, newest id last; status 'incomplete' marks one interrupted before its commit.
CREATE VIEW v_scans AS
SELECT s.id              AS scan_id,
       s.started         AS started,
       s.finished        AS finished,
       s.recorded        AS recorded,
       s.status          AS status,
       s.inputs          AS inputs,
       s.accounts        AS accounts,
       s.regions         AS regions,
       s.parameters      AS parameters,
       s.catalog_version AS catalog_version,
       s.resource_count  AS resource_count,
       s.result_count    AS result_count,
       s.pass_count      AS pass_count,
       s.fail_count      AS fail_count,
       s.error_count     AS error_count,
       s.unknown_count   AS unknown_count,
       s.gap_count       AS gap_count
FROM scans s;

-- Every resource of every complete scan: the inventory's history.
CREATE VIEW v_resources AS
SELECT r.scan_id     AS scan_id,
       s.started     AS scanned_at,
       r.account     AS account,
       r.region      AS region,
       r.provider    AS provider,
       r.type        AS resource_type,
       r.resource_id AS resource_id,
       r.name        AS resource_name,
       r.sha256      AS sha256,
       r.canonical   AS canonical
FROM scan_resources r
JOIN scans s ON s.id = r.scan_id
WHERE s.status = 'complete';

-- The inventory now: for each account, the resources of the latest complete scan that saw it.
CREATE VIEW v_inventory AS
SELECT r.account     AS account,
       r.region      AS region,
       r.provider    AS provider,
       r.type        AS resource_type,
       r.resource_id AS resource_id,
       r.name        AS resource_name,
       r.scan_id     AS scan_id,
       s.started     AS scanned_at,
       r.sha256      AS sha256,
       r.canonical   AS canonical
FROM scan_resources r
JOIN scans s ON s.id = r.scan_id
JOIN (SELECT sr.account AS account, MAX(sr.scan_id) AS scan_id
      FROM scan_resources sr
      JOIN scans sc ON sc.id = sr.scan_id
      WHERE sc.status = 'complete'
      GROUP BY sr.account) latest
  ON latest.account = r.account AND latest.scan_id = r.scan_id;

-- Every result of every complete scan.
CREATE VIEW v_results AS
SELECT r.scan_id       AS scan_id,
       s.started       AS scanned_at,
       r.finding_id    AS finding_id,
       r.rule_id       AS rule_id,
       r.severity      AS severity,
       r.status        AS status,
       r.reason        AS reason,
       r.account       AS account,
       r.region        AS region,
       r.provider      AS provider,
       r.resource_type AS resource_type,
       r.resource_id   AS resource_id,
       r.resource_name AS resource_name,
       r.origin        AS origin
FROM scan_results r
JOIN scans s ON s.id = r.scan_id
WHERE s.status = 'complete';

-- Every finding (a rule on a resource that failed at least once) with its lifecycle state.
-- is_open is 1 for OPEN and REOPENED, else 0.
CREATE VIEW v_findings AS
SELECT f.finding_id    AS finding_id,
       f.rule_id       AS rule_id,
       f.severity      AS severity,
       f.status        AS status,
       CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN 1 ELSE 0 END AS is_open,
       f.account       AS account,
       f.region        AS region,
       f.provider      AS provider,
       f.resource_type AS resource_type,
       f.resource_id   AS resource_id,
       f.resource_name AS resource_name,
       f.reason        AS reason,
       f.first_seen    AS first_seen,
       f.last_seen     AS last_seen,
       f.resolved_at   AS resolved_at,
       f.first_scan_id AS first_scan_id,
       f.last_scan_id  AS last_scan_id
FROM findings f;

-- Every change of a finding's status or severity, in order.
CREATE VIEW v_finding_history AS
SELECT h.id            AS change_id,
       h.finding_id    AS finding_id,
       h.scan_id       AS scan_id,
       h.at            AS at,
       h.from_status   AS from_status,
       h.to_status     AS to_status,
       h.from_severity AS from_severity,
       h.to_severity   AS to_severity,
       h.cause         AS cause
FROM finding_history h;
