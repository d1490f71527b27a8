-- wrk script: POST /predict with a batch of names per request (default 256; wrk ... -- 64 for 64),
-- the rotation starting at a different name in each of a few dozen pre-built bodies.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

init, request = common.rotation(function(args) return common.batch_requests(tonumber(args[1] or "256")) end)

done = common.report
