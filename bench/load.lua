-- wrk script for bench/load.sh and CI's load check: round-robin over the URLs in BENCH_PATHS
-- (one per line), counting every answer that is not 2xx; prints one summary at the end.
-- BENCH_RANDOM_QUERY=1 adds parameters with random values no page reads, as crawlers, link
-- trackers and attackers do: they must neither bypass the page cache nor fill it.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then table.insert(paths, line) end
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
end

local counter = 0
non2xx = 0  -- global: done() reads it with thread:get()
function init(args)
  -- Each thread its own random values, not the same sequence twice.
  math.randomseed(os.time() * 1000 + (seed or 0))
  counter = math.random(#paths)
end

local random_query = os.getenv("BENCH_RANDOM_QUERY") == "1"

function request()
  counter = counter % #paths + 1
  local path = paths[counter]
  if random_query then
    local separator = path:find("?", 1, true) and "&" or "?"
    path = string.format("%s%sr=%d&utm_source=%x", path, separator,
      math.random(1e9), math.random(1e9))
  end
  return wrk.format("GET", path, { ["X-Forwarded-Proto"] = "https" })
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.0f s\n", summary.requests, seconds))
  io.write(string.format("requests/s: %.1f\n", summary.requests / seconds))
  io.write(string.format("latency p50: %.1f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99: %.1f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("non-2xx answers: %d\n", bad))
  io.write(string.format("socket errors: %d connect, %d read, %d write, %d timeout\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
