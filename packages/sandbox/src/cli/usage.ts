export const MAIN_HELP = `clinik-sandbox: a local ClinikAPI-compatible data API

Usage:
  clinik-sandbox serve [options]        start the API server
  clinik-sandbox keys create [options]  create an API key (printed once)
  clinik-sandbox keys list --org O      list an organization's keys (never the keys themselves)
  clinik-sandbox keys revoke ID         revoke a key at once
  clinik-sandbox seed [options]         fill an organization with synthetic data
  clinik-sandbox webhooks add|list|remove|rotate|deliveries   webhook endpoints and their deliveries

Storage (every command):
  --data-dir D        embedded database directory (default .clinik-sandbox)
  --memory            throwaway in-memory database (serve only)
  --database-url U    a Postgres server (default: the DATABASE_URL environment variable)

Run "clinik-sandbox <command> --help" for a command's options.
`;

export const SERVE_HELP = `Usage: clinik-sandbox serve [--port 4010] [--data-dir D | --memory | --database-url U] [--seed]
                            [--search-lag S]

Starts the API on http://127.0.0.1:<port>. Logs one JSON line per request to stdout.

Options:
  --port N            port to listen on (default 4010; 0 picks a free one)
  --seed              seed the organization with synthetic data on start (skipped when it
                      already has patients)
  --plan P            rate-limit plan of organizations without one: sandbox, starter, pro, team,
                      enterprise (default pro)
  --org O             organization of the key created on first start (default org_demo)
  --search-lag S      searches see the data as it was S seconds ago (0 to 3600, e.g. 10 or 0.5),
                      like the hosted API's eventually consistent search; reads by id, writes
                      and webhooks stay immediate (default 0: search is immediate)
  --data-dir D, --memory, --database-url U   storage (see clinik-sandbox --help)
  -h, --help          show this help

On first start (no keys for the organization yet) a test key is created and printed once.
`;

export const KEYS_HELP = `Usage:
  clinik-sandbox keys create --org O --env test|live [--scope read|write|*] [--expires-in 30d]
  clinik-sandbox keys list --org O
  clinik-sandbox keys revoke ID

Keys are stored as SHA-256 hashes; the key itself is printed once, at creation.

Options:
  --org O             organization (tenant) id
  --env test|live     environment: test and live data are separate
  --scope S           read (GET), write (POST/PATCH/DELETE) or * (default *)
  --expires-in T      lifetime such as 90m, 12h or 30d (default: never expires)
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
