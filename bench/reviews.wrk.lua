-- wrk script for bench.reviews: each request sends one answer of one learner to /practice/sync,
-- learners taken in turn, each answer for the learner's next due card under a new review id.
-- The learners (session cookie, CSRF token, due card ids) come from the file in env KK_USERS,
-- one learner a line: cookie<TAB>csrf<TAB>card,card,card…

local users = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  for line in io.lines(os.getenv("KK_USERS")) do
    local cookie, csrf, cards = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    local list = {}
    for card in cards:gmatch("[^,]+") do list[#list + 1] = card end
    users[#users + 1] = {cookie = cookie, csrf = csrf, cards = list, next = 1}
  end
end

function request()
  counter = counter + 1
  local user = users[(counter % #users) + 1]
  local card = user.cards[user.next]
  user.next = (user.next % #user.cards) + 1
  local body = string.format('{"answers":[{"card_id":%s,"review_id":"w%d-%d","answer":"x","elapsed_ms":4000}]}',
                             card, id, counter)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json", ["Accept"] = "application/json",
    ["Cookie"] = user.cookie, ["X-CSRFToken"] = user.csrf,
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("KK requests=%d seconds=%.3f p50_ms=%.2f p95_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
