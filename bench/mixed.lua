-- wrk script: each request takes the next path of a list, so thousands of different finder
-- queries are asked, not one URL a cache answers. The list file is given in the URLS
-- environment variable; every thread starts at a different place in it.
local paths = {}
local position = 0

function setup(thread)
  thread:set("id", thread.id or 0)
end

function init(args)
  local file = assert(io.open(os.getenv("URLS"), "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  position = math.random(#paths)
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
