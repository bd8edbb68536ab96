-- wrk script for bench/run.sh: sends the AEP gateway headers on every request (to the baseline as well, so
-- both servers parse the same request), and prints one machine-readable line when the run ends.
--   BENCH_TOKEN     IMS access token (Authorization: Bearer ...)
--   BENCH_API_KEY   x-api-key (default profileplatform-dev)
--   BENCH_IMS_ORG   x-gw-ims-org-id (default the development org)
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
wrk.headers["x-api-key"] = os.getenv("BENCH_API_KEY") or "profileplatform-dev"
wrk.headers["x-gw-ims-org-id"] = os.getenv("BENCH_IMS_ORG") or "D3V0000000000000000000A1@AdobeOrg"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
