-- wrk script: plain GETs of the URL given to wrk (used for /actuator/health/liveness).
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")
done = common.report
