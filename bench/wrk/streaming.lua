-- wrk script for bench/streaming.sh: POSTs the XDM envelope in BENCH_TEMPLATE to BENCH_PATH, with a number unique per
-- request in place of __N__ (ids, email, phone, ECID), and prints one machine-readable line when the run ends.
local template
local counter = 0
local thread_no = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function init(args)
  local f = assert(io.open(os.getenv("BENCH_TEMPLATE"), "r"))
  template = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local n = tostring(thread_no * 100000000 + counter) .. tostring(math.random(1000, 9999))
  return wrk.format("POST", os.getenv("BENCH_PATH"), nil, (template:gsub("__N__", n)))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
