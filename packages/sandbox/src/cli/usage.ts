export const MAIN_HELP = `clinik-sandbox: a local ClinikAPI-compatible data API

Usage:
  clinik-sandbox serve [options]        start the API server
  clinik-sandbox keys create [options]  create an API key (printed once)
  clinik-sandbox keys list --org O      list an organization's keys and their usage (never the keys)
  clinik-sandbox keys revoke ID         revoke a key at once
  clinik-sandbox keys rotate ID         issue a replacement; the old key works for a grace period
  clinik-sandbox seed [options]         fill an organization with synthetic data
  clinik-sandbox webhooks add|list|remove|rotate|deliveries   webhook endpoints and their deliveries

Storage (every command):
  --data-dir D        embedded database directory (default .clinik-sandbox)
  --memory            throwaway in-memory database (serve only)
  --database-url U    a Postgres server (default: the DATABASE_URL environment variable)

Run "clinik-sandbox <command> --help" for a command's options.
`;

export const SERVE_HELP = `Usage: clinik-sandbox serve [--port 4010] [--data-dir D | --memory | --database-url U] [--seed]
                            [--search-lag S] [--key K] [--dotenv .env.local [--env-var NAME] [--url-var NAME]]

Starts the API on http://127.0.0.1:<port>. Logs one JSON line per request to stdout.

Options:
  --port N            port to listen on (default 4010; 0 picks a free one)
  --seed              seed the organization with synthetic data on start (skipped when it
                      already has patients)
  --plan P            rate-limit plan of organizations without one: sandbox, starter, pro, team,
                      enterprise (default pro)
  --org O             organization of the key created on first start (default org_demo)
  --key K             use this key (clk_test_ or clk_live_ and 16-128 letters or digits; the
                      sandbox issues clk_test_ + 32): registered with scope * when the database
                      does not know it, so a --memory restart keeps the app's key working.
                      Default: the CLINIK_SANDBOX_KEY environment variable, if set
  --dotenv F          write the key in use to F as NAME=<key>, and the sandbox's URL as
                      CLINIKAPI_URL=<url> (lines updated or appended, other lines kept; a new file
                      is created with mode 0600). A valid key already there is reused, so restarts
                      keep it; without one a new test key is created. --env-file F is the same,
                      but Node 20 exits before the sandbox starts when F does not exist yet
  --env-var NAME      the variable the key goes to (default CLINIKAPI_SECRET_KEY)
  --url-var NAME      the variable the URL goes to (default CLINIKAPI_URL)
  --search-lag S      searches see the data as it was S seconds ago (0 to 3600, e.g. 10 or 0.5),
                      like the hosted API's eventually consistent search; reads by id, writes
                      and webhooks stay immediate (default 0: search is immediate)
  --data-dir D, --memory, --database-url U   storage (see clinik-sandbox --help)
  -h, --help          show this help

On first start (no keys for the organization yet, no --key, no --dotenv) a test key is created
and printed once. A fixed key is never printed, nor one written to the --dotenv file.
With --memory, keys and webhook endpoints live in this process only: the keys and webhooks
commands cannot reach them (use --key or --dotenv to know the key).
`;

export const KEYS_HELP = `Usage:
  clinik-sandbox keys create --org O --env test|live [--scope read|write|*] [--expires-in 30d]
  clinik-sandbox keys list --org O
  clinik-sandbox keys revoke ID
  clinik-sandbox keys rotate ID [--grace 24h] [--expires-in 30d]

Keys are stored as SHA-256 hashes; the key itself is printed once, at creation or rotation.
list shows each key's id, environment, scope, last 4 characters, creation, last use, requests in
the last 60 s (the rate-limit window) and this UTC month, expiry and state. rotate issues a key
with the same organization, environment and scope; the old one keeps working for the grace period,
then answers 401 KEY_REVOKED (revoke it to end the grace period at once).

Options:
  --org O             organization (tenant) id
  --env test|live     environment: test and live data are separate
  --scope S           read (GET), write (POST/PATCH/DELETE) or * (default *)
  --expires-in T      lifetime of the created (or rotated-in) key such as 90m, 12h or 30d, at most
                      3650d (default: never expires)
  --grace T           after rotate, how long the old key keeps working: 0s to 3650d (default 24h)
  --json              print JSON instead of text
  --data-dir D, --database-url U   storage (see clinik-sandbox --help)
  -h, --help          show this help
`;

export const SEED_HELP = `Usage: clinik-sandbox seed [--patients 200] [--seed-value 42] [options]

Fills an organization with realistic synthetic data: patients, practitioners with schedules and
free 30-minute slots (Mon-Fri 09:00-12:00, 13:00-17:00 in the practice's time zone) over the
coming weeks, booked and past appointments, and vital-sign observations.

Options:
  --patients N        number of patients (default 200)
  --practitioners N   number of practitioners (default 5)
  --weeks N           weeks of slots (default 3)
  --seed-value N      same value, same data (default 42)
  --time-zone Z       IANA zone of the practice (default America/New_York)
  --start-date D      first day of slots, YYYY-MM-DD (default tomorrow in the zone)
  --org O             organization (default org_demo)
  --env test|live     environment (default test)
  --data-dir D, --database-url U   storage (see clinik-sandbox --help)
  -h, --help          show this help
`;

export const WEBHOOKS_HELP = `Usage:
  clinik-sandbox webhooks add --org O --url U [--env test|live] [--events 'appointment.*,patient.*']
  clinik-sandbox webhooks list --org O
  clinik-sandbox webhooks remove ID
  clinik-sandbox webhooks rotate ID [--grace 24h]
  clinik-sandbox webhooks deliveries --endpoint ID [--limit 50]

Every create, update and delete in the organization and environment is POSTed to the endpoint as
{ id, event, timestamp, data: { resourceType, resourceId, action, tenantId, environment } } (ids only),
signed with X-Clinik-Signature-V2 (t=<unix>,v1=<hmac>) and the legacy X-Clinik-Signature. Failed
deliveries are retried after 30 s, 2 min, 8 min, 32 min and 2 h, then marked failed; redirects are
not followed; each attempt has 10 s. Pending retries survive restarts.

Options:
  --org O             organization (tenant) id
  --env test|live     environment (default test)
  --url U             http(s) URL that receives the deliveries
  --events E          comma-separated: *, <resource>.* or <resource>.<created|updated|deleted> (default *)
  --grace T           after rotate, how long the old secret keeps signing too (default 24h)
  --endpoint ID       endpoint whose delivery log to show
  --json              print JSON instead of text
  --data-dir D, --database-url U   storage (see clinik-sandbox --help)
  -h, --help          show this help
`;
