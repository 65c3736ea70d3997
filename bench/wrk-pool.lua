-- wrk script of the benchmark (bench/wrk.ts): replays a pool of pre-signed raw HTTP requests, each
-- once. The pool file holds records "<length>\n<request bytes>" one after another; the arguments
-- after the URL are the pool's path, the mode ("check": count every answer outside 2xx and keep the
-- first one's text, at the cost of a Lua call per answer; "fast": wrk counts statuses >= 400 only),
-- then "<offset>:<count>" per wrk thread: each thread reads its
-- own disjoint slice in init() and returns its requests in order from request(). A thread that has
-- used its slice up stops (a request sent twice would be a replayed nonce), says so on stderr
-- (WRK_POOL_EXHAUSTED: the benchmark ends a run meant to drain its pool with SIGINT then) and the
-- run is flagged "exhausted". done() prints one line "WRK_JSON {...}" with the counts, wrk's latency percentiles
-- (microseconds) and the CPU ticks of the whole wrk process and of its main thread (which did the
-- loading in init(): the worker threads' CPU is the difference).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

-- wrk passes the URL as args[0]; the pool path, the mode and the slices follow.
function init(args)
  local path = args[1]
  local slice = args[3 + tid]
  local offset, count = slice:match("^(%d+):(%d+)$")
  offset, count = tonumber(offset), tonumber(count)
  local f = assert(io.open(path, "rb"))
  f:seek("set", offset)
  pool = {}
  for i = 1, count do
    local len = tonumber(f:read("*l"))
    pool[i] = f:read(len)
  end
  f:close()
  used = 0
  total = count
  exhausted = 0
  non2xx = 0
  first_bad = ""
  if args[2] == "check" then
    function response(status, headers, body)
      if status < 200 or status > 299 then
        non2xx = non2xx + 1
        if first_bad == "" then first_bad = status .. " " .. string.sub(body, 1, 300) end
      end
    end
  end
end

function request()
  used = used + 1
  if used > total then
    if exhausted == 0 then
      io.stderr:write("WRK_POOL_EXHAUSTED\n")
      wrk.thread:stop()
    end
    exhausted = exhausted + 1
    -- Nothing more is sent on this connection (an empty write; the thread's loop is stopping):
    -- a request of the pool sent again would be a replayed nonce.
    return ""
  end
  return pool[used]
end

local function ticks(file)
  local f = io.open(file, "r")
  if not f then return -1 end
  local s = f:read("*a")
  f:close()
  -- Fields after the command name (which is in parentheses): state is field 3, utime 14, stime 15.
  local rest = s:match("%) (.*)$")
  local fields = {}
  for x in rest:gmatch("%S+") do fields[#fields + 1] = x end
  return tonumber(fields[12]) + tonumber(fields[13])
end

local function esc(s)
  return (s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end))
end

function done(summary, latency, requests)
  local ex, bad, used_all, first = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    ex = ex + (t:get("exhausted") or 0)
    bad = bad + (t:get("non2xx") or 0)
    used_all = used_all + math.min(t:get("used") or 0, t:get("total") or 0)
    local fb = t:get("first_bad") or ""
    if first == "" then first = fb end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,' ..
    '"timeouts":%d,"status4xx5xx":%d,"non2xx":%d,"firstBad":"%s","exhausted":%d,"poolUsed":%d,' ..
    '"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f,"cpuTicks":%d,"mainCpuTicks":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status, bad, esc(first),
    ex, used_all, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    ticks("/proc/self/stat"), ticks("/proc/thread-self/stat")))
end
