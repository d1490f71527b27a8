-- wrk script: POST /predict with batches of names until each thread has had `limit` answers,
-- then stops that thread and drops a marker file in a directory (rss-soak.sh sends wrk SIGINT once
-- every thread has one: wrk itself would sleep out its whole -d). Args (after --): names per
-- request (default 50), answers per thread, marker directory. wrk's -d still bounds the run.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("names")

local answered = 0
local limit
local markers
local stopped = false

init, request = common.rotation(function(args)
  limit = tonumber(args[2] or "1000")
  markers = args[3]
  return common.batch_requests(tonumber(args[1] or "50"))
end)

function response(status, headers, body)
  answered = answered + 1
  if answered >= limit and not stopped then
    stopped = true
    if markers then
      os.execute("mktemp '" .. markers .. "/done.XXXXXX' >/dev/null")
    end
    wrk.thread:stop()
  end
end

done = common.report
