-- bench/profile-floor.sh: generates :n records of ~850 bytes with 3 identities each (Email, CRMID, ECID) and writes
-- the rows every layout loads as CSV files the server reads back with COPY FROM (server-side, as the hand runs did).
-- psql variables: n (records), seed (1 = the pre-population, 2 = the timed rows; keys, values and graph ids differ),
-- batch (batch id), gidbase (first 48 bits of the time-ordered graph ids, as hex: the timed run's are greater, so
-- its graph ids are appended, as UUIDv7 ids are), and one output file per row set: f_base, f_frag, f_xid, f_vertex,
-- f_link, f_graph, f_chunk. With seed 2 it also leaves probe_keys, the XIDs the probes look up.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- The platform's XID: the first 22 bytes of SHA-256 over "NAMESPACE\nvalue", base64url without padding.
CREATE OR REPLACE FUNCTION pg_temp.xid(ns text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT translate(rtrim(encode(substr(sha256(convert_to(upper(ns) || E'\n' || v, 'UTF8')), 1, 22), 'base64'), '='), '+/', '-_')
$$;

DROP TABLE IF EXISTS src;
CREATE UNLOGGED TABLE src AS
SELECT i, org, sandbox, email, crm, ecid,
       pg_temp.xid('Email', email) AS x_email, pg_temp.xid('CRMID', crm) AS x_crm, pg_temp.xid('ECID', ecid) AS x_ecid,
       -- version 7 UUID layout: 48-bit time-ordered prefix, version 7, variant 8, random rest
       substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(m, 1, 3) || '-8' || substr(m, 4, 3) || '-' || substr(m, 7, 12) AS graph_id,
       record
FROM (
    SELECT i, 'org@AdobeOrg'::text AS org, 'prod'::text AS sandbox,
           'user' || i || '-' || :seed || '@example.com' AS email, 'crm-' || :seed || '-' || i AS crm,
           :seed || lpad((i * 7919)::text, 37, '0') AS ecid,
           lpad(to_hex(('x' || lpad(:'gidbase', 16, '0'))::bit(64)::bigint + i), 12, '0') AS h,
           md5('graph' || :seed || '-' || i) AS m,
           json_build_object('_id', md5(i || '-' || :seed), 'identityMap', json_build_object(
               'Email', json_build_array(json_build_object('id', 'user' || i || '-' || :seed || '@example.com', 'primary', true)),
               'CRMID', json_build_array(json_build_object('id', 'crm-' || :seed || '-' || i)),
               'ECID', json_build_array(json_build_object('id', :seed || lpad((i * 7919)::text, 37, '0')))),
             'person', json_build_object('name', json_build_object('firstName', 'First' || i, 'lastName', 'Last' || (i % 977))),
             'personalEmail', json_build_object('address', 'user' || i || '-' || :seed || '@example.com'),
             'mobilePhone', json_build_object('number', '+1555' || lpad(i::text, 7, '0')),
             'homeAddress', json_build_object('street1', i || ' Main Street', 'city', 'Springfield',
                 'postalCode', lpad((i % 99999)::text, 5, '0'), 'country', 'US'),
             '_tenant', json_build_object('loyalty', json_build_object('tier', 'gold', 'points', i % 5000,
                 'memberSince', '2020-01-01T00:00:00Z')),
             'extra', md5(i::text) || md5((i + 1)::text) || md5((i + 2)::text))::text AS record
    FROM generate_series(1, :n) AS i
) g;

-- dataset_records (B and C): ims_org, sandbox, batch_id, file_index, row_number, data_set_id, record
COPY (SELECT org, sandbox, :'batch', 0, i, 'dataset1', record FROM src ORDER BY i) TO :'f_base' (FORMAT csv);
-- profile_fragments (C and F1): primary identity Email
COPY (SELECT org, sandbox, 'dataset1', x_email, 'Email', email,
             json_build_array(json_build_object('xid', x_email), json_build_object('xid', x_crm), json_build_object('xid', x_ecid))::text,
             record, :'batch', now(), NULL FROM src ORDER BY i) TO :'f_frag' (FORMAT csv);
-- identity_vertices (C): 3 per record, one new graph per record
COPY (SELECT org, sandbox, v.x, v.ns, v.val, v.t, graph_id, now(), now()
      FROM src, LATERAL (VALUES (x_email, 'Email', email, 'email'), (x_crm, 'CRMID', crm, 'cross_device'),
                                (x_ecid, 'ECID', ecid, 'cookie')) AS v(x, ns, val, t) ORDER BY i) TO :'f_vertex' (FORMAT csv);
-- XID -> graph rows (F1): 3 per record
COPY (SELECT org, sandbox, v.x, graph_id FROM src, LATERAL (VALUES (x_email), (x_crm), (x_ecid)) AS v(x) ORDER BY i)
    TO :'f_xid' (FORMAT csv);
-- identity_links (C): 3 per record (each pair), the link's sources as JSON text
COPY (SELECT org, sandbox, least(a, b), greatest(a, b), now(), now(),
             '[{"dataset":"dataset1","batch":"' || :'batch' || '","at":1795556134000}]'
      FROM src, LATERAL (VALUES (x_email, x_crm), (x_email, x_ecid), (x_crm, x_ecid)) AS v(a, b) ORDER BY i) TO :'f_link' (FORMAT csv);
-- a graph row per graph (F1g): members and links as JSON
COPY (SELECT org, sandbox, graph_id,
             json_build_object('members', json_build_array(x_email, x_crm, x_ecid),
                               'links', json_build_array(json_build_array(0, 1), json_build_array(0, 2), json_build_array(1, 2)))::text
      FROM src ORDER BY i) TO :'f_graph' (FORMAT csv);
-- dataset records as chunks of 1,000 (F1gc): ims_org, sandbox, batch_id, file_index, first_row, data_set_id, record_count, records
COPY (SELECT min(org), min(sandbox), :'batch', 0, min(i), 'dataset1', count(*), string_agg(record, E'\n' ORDER BY i)
      FROM src GROUP BY (i - 1) / 1000 ORDER BY min(i)) TO :'f_chunk' (FORMAT csv);

SELECT :seed = 2 AS timed_rows \gset
\if :timed_rows
DROP TABLE IF EXISTS probe_keys;
CREATE TABLE probe_keys AS SELECT i, org, sandbox, x_email, x_crm, x_ecid FROM src ORDER BY i;
ANALYZE probe_keys;
\endif
DROP TABLE src;
