-- wrk script for the overload case of reliability.sh: POST /predict with batches of names (default
-- 1000, the most one request may carry) and count the answers by status. Prints one line:
--   STATUS total=N s200=N s503=N s503_no_retry_after=N s5xx_other=N other=N
-- Each wrk thread has its own Lua state, so the counters are read back from every thread in done().
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

init, request = common.rotation(function(args)
  total, s200, s503, s503_no_retry_after, s5xx_other, other = 0, 0, 0, 0, 0, 0
  return common.batch_requests(tonumber(args[1] or "1000"))
end)

function response(status, headers, body)
  total = total + 1
  if status == 200 then
    s200 = s200 + 1
  elseif status == 503 then
    s503 = s503 + 1
    if headers["Retry-After"] == nil and headers["retry-after"] == nil then
      s503_no_retry_after = s503_no_retry_after + 1
    end
  elseif status >= 500 then
    s5xx_other = s5xx_other + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local keys = {"total", "s200", "s503", "s503_no_retry_after", "s5xx_other", "other"}
  local sums = {}
  for _, key in ipairs(keys) do sums[key] = 0 end
  for _, thread in ipairs(threads) do
    for _, key in ipairs(keys) do sums[key] = sums[key] + (thread:get(key) or 0) end
  end
  io.write(string.format("STATUS total=%d s200=%d s503=%d s503_no_retry_after=%d s5xx_other=%d other=%d\n",
    sums.total, sums.s200, sums.s503, sums.s503_no_retry_after, sums.s5xx_other, sums.other))
  common.report(summary, latency, requests)
end
