-- wrk script for the bare yardstick in bench.reviews: plain GETs, the same summary line.
function done(summary, latency, requests)
  io.write(string.format("KK requests=%d seconds=%.3f p50_ms=%.2f p95_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
