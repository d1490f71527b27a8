-- Shared by the wrk scripts: realistic surnames of the 18 origins, rotated per request.
local M = {}
M.names = {
  "Nakamura", "Schmidt", "O'Connor", "Rossi", "Dvorak", "Kowalski", "Nguyen", "Papadopoulos",
  "Smith", "Dubois", "Garcia", "Ivanov", "Kim", "Wang", "Haddad", "Silva",
  "MacDonald", "Van der Berg", "Yamamoto", "Novak", "Esposito", "Fitzgerald", "Lefebvre", "Muller",
  "Zhang", "Park", "Tran", "Nowak", "Fernandes", "Petrov", "Campbell", "De Jong",
  "Abadi", "Ricci", "Svoboda", "Tanaka", "Wojcik", "Karagiannis", "Lopez", "Kuznetsov",
  "Brown", "Moreau", "Fischer", "Murphy", "Pham", "Choi", "Chen", "Santos",
}

-- POST /predict requests with one name each, rotating through the names.
function M.single_requests()
  local requests = {}
  for i, name in ipairs(M.names) do
    requests[i] = wrk.format("POST", "/predict", {["Content-Type"] = "application/json"},
      string.format('{"name":"%s","top":3}', name))
  end
  return requests
end

-- POST /predict requests of `size` names each, one per starting offset in the rotation.
function M.batch_requests(size)
  local requests = {}
  for offset = 0, #M.names - 1 do
    local parts = {}
    for i = 1, size do
      parts[i] = '"' .. M.names[(offset + i - 1) % #M.names + 1] .. '"'
    end
    requests[offset + 1] = wrk.format("POST", "/predict", {["Content-Type"] = "application/json"},
      '{"names":[' .. table.concat(parts, ",") .. '],"top":3}')
  end
  return requests
end

-- wrk's init and request functions for a script that rotates through pre-built requests:
-- `build(args)` makes each thread's requests from the script's arguments (after --).
function M.rotation(build)
  local requests = {}
  local n = 0
  local function init(args)
    requests = build(args)
  end
  local function request()
    n = n % #requests + 1
    return requests[n]
  end
  return init, request
end

-- Prints one machine-readable line that load-test.sh parses (wrk's own summary is kept too).
-- Latency figures are in microseconds; errors.status counts non-2xx/3xx answers.
function M.report(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end

return M
