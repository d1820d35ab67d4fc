-- Vigil store schema, version 6: the read-only view over exceptions, beside the others of V5.
-- state is 'revoked' once revoked, else 'active'; whether an active exception has expired depends
-- on the time of the query, so the view gives expires for the caller to compare.
CREATE VIEW v_exceptions AS
SELECT e.id,
       e.account,
       e.region,
       e.rule,
       e.resource,
       e.tag_key,
       e.tag_value,
       e.reason,
       e.owner,
       e.approver,
       e.created,
       e.created_by,
       e.expires,
       CASE WHEN e.revoked_at IS NULL THEN 'active' ELSE 'revoked' END AS state,
       e.revoked_at,
       e.revoked_by,
       e.revoke_reason,
       (SELECT COUNT(*) FROM findings f WHERE f.exception_id = e.id AND f.status = 'SUPPRESSED') AS suppressing
FROM exceptions e;
