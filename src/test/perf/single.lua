-- wrk script: POST /predict with one name per request, rotating through names.lua.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

local requests = {}
local n = 0

function init(args)
  requests = common.single_requests()
end

function request()
  n = n % #requests + 1
  return requests[n]
end

done = common.report
