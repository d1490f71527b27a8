-- wrk script: POST /predict with one name per request, rotating through names.lua.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

init, request = common.rotation(function(args) return common.single_requests() end)

done = common.report
