-- Seeds the identity graph and the Profile store for bench/run.sh pair d (entity lookup), straight into the
-- platform's tables, as ingestion would have left them (docs/profile-store.md has the tables):
--   profile i (1..:profiles): identities ECID 1 followed by i zero-padded to 37 digits, Email user{i}@example.com,
--   Phone +1555{i}; one graph (links ECID-Email and Email-Phone); a CRM fragment (primary Email) in dataset
--   bench-crm and a loyalty fragment (primary Phone) in dataset bench-loyalty; :events experience events (primary
--   ECID) in dataset bench-events.
-- psql variables: org, sandbox, profiles, events.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE bench_ids AS
SELECT i,
       'gr' || md5('graph' || i) AS graph_id,
       '1' || lpad(i::text, 37, '0') AS ecid,
       'user' || i || '@example.com' AS email,
       '+1555' || lpad(i::text, 7, '0') AS phone
FROM generate_series(1, :profiles) AS i;

CREATE FUNCTION pg_temp.xid(ns text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT translate(rtrim(encode(substr(sha256(convert_to(upper(ns) || E'\n' || v, 'UTF8')), 1, 22), 'base64'), '='), '+/', '-_')
$$;

CREATE TEMP TABLE bench_xids AS
SELECT i, graph_id, ecid, email, phone,
       pg_temp.xid('ECID', ecid) AS ecid_xid,
       pg_temp.xid('Email', email) AS email_xid,
       pg_temp.xid('Phone', phone) AS phone_xid
FROM bench_ids;

INSERT INTO identity_vertices (ims_org, sandbox, xid, namespace_code, value, id_type, graph_id, last_updated)
SELECT :'org', :'sandbox', x.xid, x.ns, x.v, x.t, b.graph_id, now()
FROM bench_xids b
CROSS JOIN LATERAL (VALUES (b.ecid_xid, 'ECID', b.ecid, 'COOKIE'),
                           (b.email_xid, 'Email', b.email, 'EMAIL'),
                           (b.phone_xid, 'Phone', b.phone, 'PHONE')) AS x(xid, ns, v, t);

-- Link keys in CompositeIdentity.Order (namespace, case-insensitive): ECID < Email < Phone.
-- Each link's sources in its row, as StoredLinkSources writes them (times in Unix milliseconds).
INSERT INTO identity_links (ims_org, sandbox, first_xid, second_xid, first_established, last_established, sources)
SELECT :'org', :'sandbox', l.a, l.b, now(), now(),
       '[{"dataset":"bench-crm","batch":"bench-batch","at":' || floor(extract(epoch FROM now()) * 1000)::bigint || '}]'
FROM bench_xids b
CROSS JOIN LATERAL (VALUES (b.ecid_xid, b.email_xid), (b.email_xid, b.phone_xid)) AS l(a, b);

INSERT INTO profile_fragments (ims_org, sandbox, dataset_id, primary_xid, primary_namespace, primary_value, identities,
                               record, batch_id, ingested_at, last_updated)
SELECT :'org', :'sandbox', 'bench-crm', email_xid, 'Email', email,
       '[{"ns":"Email","id":"' || email || '"},{"ns":"ECID","id":"' || ecid || '"}]',
       '{"_id":"crm-' || i || '","personalEmail":{"address":"' || email || '"},"person":{"name":{"firstName":"First' || i
           || '","lastName":"Last' || i || '"},"birthDate":"1980-01-01","gender":"not_specified"},'
           || '"homeAddress":{"street1":"' || i || ' Main Street","city":"Springfield","postalCode":"12345","country":"US"},'
           || '"identityMap":{"Email":[{"id":"' || email || '","primary":true}],"ECID":[{"id":"' || ecid || '"}]}}',
       'bench-batch', now() - interval '1 day', NULL
FROM bench_xids;

INSERT INTO profile_fragments (ims_org, sandbox, dataset_id, primary_xid, primary_namespace, primary_value, identities,
                               record, batch_id, ingested_at, last_updated)
SELECT :'org', :'sandbox', 'bench-loyalty', phone_xid, 'Phone', phone,
       '[{"ns":"Phone","id":"' || phone || '"},{"ns":"Email","id":"' || email || '"}]',
       '{"_id":"loyalty-' || i || '","mobilePhone":{"number":"' || phone || '"},"loyalty":{"tier":"gold","points":' || (i % 5000)
           || ',"memberSince":"2015-06-01"},"person":{"name":{"firstName":"Loyal' || i || '"}},'
           || '"identityMap":{"Phone":[{"id":"' || phone || '","primary":true}],"Email":[{"id":"' || email || '"}]}}',
       'bench-batch', now(), NULL
FROM bench_xids;

INSERT INTO profile_experience_events (ims_org, sandbox, dataset_id, event_key, event_id, primary_xid, primary_namespace,
                                       primary_value, identities, "timestamp", record, batch_id, ingested_at)
SELECT :'org', :'sandbox', 'bench-events',
       translate(rtrim(encode(sha256(convert_to('ev-' || b.i || '-' || e, 'UTF8')), 'base64'), '='), '+/', '-_'),
       'ev-' || b.i || '-' || e, b.ecid_xid, 'ECID', b.ecid,
       '[{"ns":"ECID","id":"' || b.ecid || '"}]',
       timestamptz '2026-01-01' + make_interval(mins => e * 37 + b.i % 60),
       '{"_id":"ev-' || b.i || '-' || e || '","timestamp":"' || to_char((timestamptz '2026-01-01' + make_interval(mins => e * 37 + b.i % 60)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           || '","eventType":"web.webpagedetails.pageViews","web":{"webPageDetails":{"name":"page ' || e || '","URL":"https://example.com/p/' || e || '"}},'
           || '"identityMap":{"ECID":[{"id":"' || b.ecid || '","primary":true}]}}',
       'bench-batch', now()
FROM bench_xids b CROSS JOIN generate_series(1, :events) AS e;

-- VACUUM, not only ANALYZE, then a checkpoint: the runs measure lookups in the state autovacuum leaves a table in,
-- not a bulk load's aftermath. Without them, at 1,000,000 profiles autovacuum (20,000,000 fresh event rows) and a
-- checkpoint spread over minutes ran through all the measured runs (seen in postgres.log), taking CPU and I/O from both
-- servers in whatever proportion they happened to meet it.
VACUUM (ANALYZE) identity_vertices;
VACUUM (ANALYZE) identity_links;
VACUUM (ANALYZE) profile_fragments;
VACUUM (ANALYZE) profile_experience_events;
-- CHECKPOINT needs a superuser or pg_checkpoint (PostgreSQL 15): a server given through PROFILEPLATFORM_BENCH_POSTGRES
-- may not allow it, and the seed is complete without it.
\set ON_ERROR_STOP off
CHECKPOINT;
\set ON_ERROR_STOP on
