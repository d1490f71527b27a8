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
