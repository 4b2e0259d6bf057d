-- wrk script: the request comes from the environment (BENCH_METHOD, BENCH_PATH, BENCH_BODY file,
-- BENCH_IF_NONE_MATCH, BENCH_ACCEPT_ENCODING, BENCH_DELAY_MS for a paced run, BENCH_EXPECT_STATUS to count answers
-- of another status, BENCH_NONCE=1 for a body that differs in every request); the summary is printed as one JSON line.
wrk.method = os.getenv("BENCH_METHOD") or "POST"
wrk.path = os.getenv("BENCH_PATH") or "/graphql"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  local f = assert(io.open(body, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
wrk.headers["Accept"] = "application/json"
-- A nonce in the request's extensions makes every body a new one, so no answer kept for an earlier body (the
-- service's response cache keys a POST by its body) can be served: every request is executed.
if os.getenv("BENCH_NONCE") == "1" and wrk.body then
  local rest = wrk.body:sub(2)
  local n = 0
  function request()
    n = n + 1
    return wrk.format(nil, nil, nil, '{"extensions":{"nonce":' .. n .. '},' .. rest)
  end
end
local inm = os.getenv("BENCH_IF_NONE_MATCH")
if inm and inm ~= "" then wrk.headers["If-None-Match"] = inm end
local encoding = os.getenv("BENCH_ACCEPT_ENCODING")
if encoding and encoding ~= "" then wrk.headers["Accept-Encoding"] = encoding end

-- wrk counts only statuses over 399 as errors: a 304 path that answers 200 would go unnoticed.
local expect = tonumber(os.getenv("BENCH_EXPECT_STATUS") or "")
local unexpected = 0
if expect then
  function response(status, headers, body)
    if status ~= expect then unexpected = unexpected + 1 end
  end
end

local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay() return pause end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH{"requests":%d,"duration_us":%d,"socket_errors":%d,"bad_status":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status + unexpected,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean))
end
