-- One wrk script for every scenario, driven by the environment:
--   METHOD, BODY, TOKEN (bearer), REFRESH_TOKENS (space-separated, one per thread) for the refresh chain,
--   IDEMPOTENCY_KEYS=1 for a fresh Idempotency-Key on every request (each one a new order), and DELAY_MS to pace
--   each connection (a pause before every request) for a load below the peak.
-- Prints one line "RESULT rps=.. p50_ms=.. p99_ms=.. errors=.. throttled=.. requests=.." for bench/run to collect:
-- rps counts only answers below 400, so a 429 (or any other refusal) is an error, never throughput.
local method = os.getenv("METHOD") or "GET"
local body = os.getenv("BODY")
local token = os.getenv("TOKEN")
local refresh_tokens = os.getenv("REFRESH_TOKENS")
local idempotency_keys = os.getenv("IDEMPOTENCY_KEYS")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "")

if delay_ms then
  function delay()
    return delay_ms
  end
end

local threads = {}
local next_index = 1

function setup(thread)
  thread:set("index", next_index)
  if refresh_tokens then
    local i = 1
    for t in string.gmatch(refresh_tokens, "%S+") do
      if i == next_index then thread:set("refresh", t) end
      i = i + 1
    end
  end
  next_index = next_index + 1
  table.insert(threads, thread)
end

function init(args)
  wrk.method = method
  wrk.headers["Content-Type"] = "application/json"
  if token then wrk.headers["Authorization"] = "Bearer " .. token end
  if body then wrk.body = body end
  sent = 0
  throttled = 0
  run_id = tostring(os.time())
end

-- the refresh chain: each answer carries the next token (one connection per thread keeps the chain in order)
function request()
  if refresh then
    return wrk.format("POST", nil, nil, '{"refreshToken":"' .. refresh .. '"}')
  end
  if idempotency_keys then
    sent = sent + 1
    -- wrk.format replaces the default headers with the table it gets, so copy them
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Idempotency-Key"] = "bench-" .. run_id .. "-" .. index .. "-" .. sent
    return wrk.format(nil, nil, headers)
  end
  return wrk.format()
end

function response(status, headers, body)
  if status == 429 then throttled = throttled + 1 end
  if refresh and status == 200 then
    local next_token = string.match(body, '"refreshToken":"([^"]+)"')
    if next_token then refresh = next_token end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  local refused = 0
  for _, thread in ipairs(threads) do refused = refused + thread:get("throttled") end
  -- summary.requests holds every answer; errors.status the ones of 400 and above
  local answered = summary.requests - summary.errors.status
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d throttled=%d requests=%d\n",
      answered / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      errors, refused, summary.requests))
end
