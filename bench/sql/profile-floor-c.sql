-- bench/profile-floor.sh, layout C (today's): the platform's reads and writes for a batch into a Profile-enabled
-- dataset, in one transaction as the platform does a batch: probes of the 3 XIDs of every record in the vertices
-- (index probes, as the platform's "= ANY(array)" lookups), probe of the record's fragment, then dataset_records,
-- identity_vertices (3 a record), identity_links (3 a record) and profile_fragments (1 a record).
-- psql variables: f_base, f_vertex, f_link, f_frag.
\set ON_ERROR_STOP on
SET enable_hashjoin = off;
SET enable_mergejoin = off;
\timing on
\echo @step C probe_vertices
BEGIN;
SELECT count(v.graph_id) FROM probe_keys s
    JOIN c_vertices v ON v.ims_org = s.org AND v.sandbox = s.sandbox AND v.xid = ANY (ARRAY[s.x_email, s.x_crm, s.x_ecid]);
\echo @step C probe_fragments
SELECT count(f.record) FROM probe_keys s
    JOIN c_fragments f ON f.ims_org = s.org AND f.sandbox = s.sandbox AND f.primary_xid = s.x_email AND f.dataset_id = 'dataset1';
\echo @step C dataset_records
COPY c_records FROM :'f_base' (FORMAT csv);
\echo @step C identity_vertices
COPY c_vertices FROM :'f_vertex' (FORMAT csv);
\echo @step C identity_links
COPY c_links FROM :'f_link' (FORMAT csv);
\echo @step C profile_fragments
COPY c_fragments FROM :'f_frag' (FORMAT csv);
\echo @step C commit
COMMIT;
