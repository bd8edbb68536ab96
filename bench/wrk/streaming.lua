-- wrk script for bench/streaming.sh: POSTs the XDM envelope in BENCH_TEMPLATE to BENCH_PATH, with a number unique per
-- request in place of __N__ (ids, email, phone) and __E__ (the 38-digit ECID ending in it), and prints one machine-readable line when the run ends.
-- The number starts with the invocation's start time and the wrk thread's number: the counter and LuaJIT's unseeded
-- math.random repeat in every invocation and thread. (Until session 10 a local shadowed the thread number that setup()
-- sets as a global, so both threads sent the same identities, and every run the warm-up's again: Profile merged
-- records into existing profiles instead of creating new ones.)
local template
local counter = 0
local run = 0
local thread_no = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("bench_thread", threads)
end

function init(args)
  local f = assert(io.open(os.getenv("BENCH_TEMPLATE"), "r"))
  template = f:read("*a")
  f:close()
  run = os.time() % 1000000
  thread_no = bench_thread or 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local n = string.format("%06d", run) .. tostring(thread_no * 100000000 + counter) .. tostring(math.random(1000, 9999))
  local ecid = string.rep("7", 38 - #n) .. n -- a valid ECID (38 digits), or Profile would skip the record
  local body = template:gsub("__N__", n)
  body = body:gsub("__E__", ecid)
  return wrk.format("POST", os.getenv("BENCH_PATH"), nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
