-- wrk script: POST /predict with one name per request, rotating through names.lua.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

local requests = {}
local n = 0

function init(args)
  for i, name in ipairs(common.names) do
    requests[i] = wrk.format("POST", "/predict", {["Content-Type"] = "application/json"},
      string.format('{"name":"%s","top":3}', name))
  end
end

function request()
  n = n % #requests + 1
  return requests[n]
end

done = common.report
