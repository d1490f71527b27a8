-- wrk script: POST /predict with a batch of names per request (default 256; wrk ... -- 64 for 64),
-- the rotation starting at a different name in each of a few dozen pre-built bodies.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

local requests = {}
local n = 0

function init(args)
  local size = tonumber(args[1] or "256")
  for offset = 0, #common.names - 1 do
    local parts = {}
    for i = 1, size do
      parts[i] = '"' .. common.names[(offset + i - 1) % #common.names + 1] .. '"'
    end
    requests[offset + 1] = wrk.format("POST", "/predict", {["Content-Type"] = "application/json"},
      '{"names":[' .. table.concat(parts, ",") .. '],"top":3}')
  end
end

function request()
  n = n % #requests + 1
  return requests[n]
end

done = common.report
