-- wrk script: POST /predict with a batch of names per request (default 256; wrk ... -- 64 for 64),
-- the rotation starting at a different name in each of a few dozen pre-built bodies.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

local requests = {}
local n = 0

function init(args)
  requests = common.batch_requests(tonumber(args[1] or "256"))
end

function request()
  n = n % #requests + 1
  return requests[n]
end

done = common.report
