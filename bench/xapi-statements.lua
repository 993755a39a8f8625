-- wrk script for bench/bench-xapi: POST /xapi/statements, BATCH statements a request,
-- shaped as Moodle's logstore_xapi sends them (an account, a verb, an activity with its
-- definition, the site and course in the context, the plugin's extension).
--
--   wrk ... -s xapi-statements.lua URL -- MODE BATCH ACCOUNTS THREADS
--
-- MODE new: every statement has a new id (thread number and a counter). One in ten is
--   a course completion by one of ACCOUNTS linked accounts on the mapped course, each
--   account in turn on one of 336 days, the THREADS threads taking turns (credited: a
--   new activity each, until all 33,600 pairs are done); one in ten a module
--   completion of an unmapped module (waiting); the rest are "viewed" (stored, ignored
--   for credit).
-- MODE resend: every request of a thread sends the same BATCH statements (the same ids
--   and content, not those of a "new" run), so after its first request all are "stored
--   before": reading, checking and hashing with one lookup each, no writes.
-- Answers other than 200 are counted and printed at the end ("Not 200: N").
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_number", #threads)
end

local site = "http://www.example.org"
local course = site .. "/course/view.php?id=2"

local function statement(id, account, verb, object, object_type, name, day)
    return string.format(
        '{"id":"%s","actor":{"account":{"homePage":"%s","name":"%d"},"name":"Learner %d"},' ..
        '"verb":{"id":"%s","display":{"en":"%s"}},' ..
        '"object":{"id":"%s","definition":{"name":{"en":"%s"},"type":"%s"},"objectType":"Activity"},' ..
        '"timestamp":"2026-%02d-%02dT15:%02d:00-06:00",' ..
        '"context":{"platform":"Moodle","language":"en","contextActivities":{' ..
        '"category":[{"id":"%s","definition":{"name":{"en":"State Library"},' ..
        '"type":"http://id.tincanapi.com/activitytype/lms"},"objectType":"Activity"}],' ..
        '"grouping":[{"id":"%s","definition":{"name":{"en":"Weeding Well"},' ..
        '"type":"https://w3id.org/xapi/cmi5/activitytype/course"},"objectType":"Activity"}]},' ..
        '"extensions":{"http://lrs.learninglocker.net/define/extensions/info":{' ..
        '"http://moodle.org":"4.1.0","https://github.com/xAPI-vle/moodle-logstore_xapi":"4.7.0",' ..
        '"event_name":"\\\\core\\\\event\\\\course_module_viewed"}}},"result":{"completion":true}}',
        id, site, account, account, verb, verb:match("[^/]+$"), object, name, object_type,
        math.floor(day / 28) % 12 + 1, day % 28 + 1, day % 60, site, course)
end

local function uuid(thread_number, n)
    return string.format("%08x-0000-4000-8000-%012x", thread_number, n)
end

function init(args)
    not_ok = 0
    mode = args[1] or "new"
    batch = tonumber(args[2] or "100")
    accounts = tonumber(args[3] or "100")
    thread_count = tonumber(args[4] or "1")
    counter = 0
    fixed_body = nil
end

local function body_of_new_statements(id_space)
    local parts = {}
    for i = 1, batch do
        counter = counter + 1
        local id = uuid(id_space, counter)
        local account = counter % accounts + 1
        local kind = counter % 10
        if kind == 0 then
            -- Each account in turn, then the next day: new activities (one per learner,
            -- event and day) until every account has completed on all 336 days.
            local completion = math.floor(counter / 10) * thread_count + thread_number - 1
            parts[i] = statement(id, completion % accounts + 1,
                "http://adlnet.gov/expapi/verbs/completed", course,
                "https://w3id.org/xapi/cmi5/activitytype/course", "Weeding Well",
                math.floor(completion / accounts) % 336)
        elseif kind == 1 then
            parts[i] = statement(id, account, "http://adlnet.gov/expapi/verbs/completed",
                site .. "/mod/page/view.php?id=" .. (counter % 50 + 100),
                "http://id.tincanapi.com/activitytype/lms/module", "Reading " .. counter % 50,
                counter % 365)
        else
            parts[i] = statement(id, account, "http://id.tincanapi.com/verb/viewed",
                site .. "/mod/page/view.php?id=" .. (counter % 50 + 100),
                "http://id.tincanapi.com/activitytype/lms/module", "Reading " .. counter % 50,
                counter % 365)
        end
    end
    return "[" .. table.concat(parts, ",") .. "]"
end

function request()
    local body
    if mode == "resend" then
        if fixed_body == nil then
            fixed_body = body_of_new_statements(thread_number + 256)
        end
        body = fixed_body
    else
        body = body_of_new_statements(thread_number)
    end
    return wrk.format("POST", "/xapi/statements", nil, body)
end

function response(status, headers, body)
    if status ~= 200 then
        not_ok = not_ok + 1
        if not_ok <= 3 then
            io.stderr:write(string.format("answer %d: %s\n", status, body))
        end
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("not_ok")
    end
    io.write(string.format("Not 200: %d\n", total))
end
