-- wrk script for bench/run.sh pair d (entity lookup): the AEP gateway headers of aep.lua, and each request looks up
-- a random seeded profile by appending "user<i>%40example.com" (i in 1..BENCH_LOOKUP_PROFILES) to the URL, which
-- ends with the identity parameter (entityId= for the platform, id= for the baseline).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
wrk.headers["x-api-key"] = os.getenv("BENCH_API_KEY") or "profileplatform-dev"
wrk.headers["x-gw-ims-org-id"] = os.getenv("BENCH_IMS_ORG") or "D3V0000000000000000000A1@AdobeOrg"
wrk.headers["x-sandbox-name"] = "prod"

local profiles = tonumber(os.getenv("BENCH_LOOKUP_PROFILES") or "1000")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

function request()
  return wrk.format(nil, wrk.path .. "user" .. math.random(1, profiles) .. "%40example.com")
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
