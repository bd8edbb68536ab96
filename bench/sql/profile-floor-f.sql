-- bench/profile-floor.sh, the floor layouts. F1 in one transaction: index probes of the 3 XIDs of every record,
-- XID -> graph rows (3 a record, primary key only), fragments (1 a record). Then, each in its own transaction and
-- added to F1 by the script: a graph row per graph (F1g), and the dataset records as lz4 chunks of 1,000 (F1gc).
-- psql variables: f_xid, f_frag, f_graph, f_chunk.
\set ON_ERROR_STOP on
SET enable_hashjoin = off;
SET enable_mergejoin = off;
\timing on
\echo @step F1 probe_xids
BEGIN;
SELECT count(v.graph_id) FROM probe_keys s
    JOIN f_xids v ON v.ims_org = s.org AND v.sandbox = s.sandbox AND v.xid = ANY (ARRAY[s.x_email, s.x_crm, s.x_ecid]);
\echo @step F1 xids
COPY f_xids FROM :'f_xid' (FORMAT csv);
\echo @step F1 fragments
COPY f_fragments FROM :'f_frag' (FORMAT csv);
\echo @step F1 commit
COMMIT;
\echo @step skip
CHECKPOINT;
\echo @step g graphs
BEGIN;
COPY f_graphs FROM :'f_graph' (FORMAT csv);
\echo @step g commit
COMMIT;
\echo @step skip
CHECKPOINT;
\echo @step c chunks
BEGIN;
COPY f_chunks FROM :'f_chunk' (FORMAT csv);
\echo @step c commit
COMMIT;
