-- wrk script: POST /predict (one name, or a batch: wrk ... -- batch 256) and count the 2xx
-- answers per slice of seconds since the run started (wrk ... -- single 1 5 for 5-s slices), so
-- one continuous run shows the warm-up; peer-compare.sh reads the SLICES line. Args (after --):
-- single|batch, names per batch request (default 256), slice seconds (default 5).
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

counts = {}   -- a global: done() reads each thread's through thread:get
local started
local slice

init, request = common.rotation(function(args)
  slice = tonumber(args[3] or "5")
  started = os.time()
  if args[1] == "batch" then
    return common.batch_requests(tonumber(args[2] or "256"))
  end
  return common.single_requests()
end)

function response(status, headers, body)
  if status >= 200 and status < 300 then
    local i = math.floor((os.time() - started) / slice) + 1
    counts[i] = (counts[i] or 0) + 1
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local total, last = {}, 0
  for _, thread in ipairs(threads) do
    for i, n in pairs(thread:get("counts")) do
      total[i] = (total[i] or 0) + n
      if i > last then last = i end
    end
  end
  local parts = {}
  for i = 1, last do parts[i] = tostring(total[i] or 0) end
  io.write("SLICES " .. table.concat(parts, " ") .. "\n")
  common.report(summary, latency, requests)
end
