/**
 * A word index of `resources.name_text`, kept by triggers, that counts name-search matches without
 * reading the matching rows.
 *
 * Why: a search answers an exact `total` (docs/contract.md). Counting `name_text LIKE '%frag%'`
 * through the trigram index visits and re-checks every matching row of the wide `resources`; at
 * 100,000 patients a common fragment matches about 7,000 rows and that count was most of a name
 * search's time. Folded name text (search-text.ts) holds only letters, marks, digits and single
 * spaces, with ` | ` between names, so a folded fragment without a space occurs in `name_text`
 * exactly when it occurs in one of its space-separated words. The index has:
 * - `name_words`: each distinct word (once, or twice after a race, see below; a few thousand
 *   words even for a large practice), searched with `LIKE` (trigram-indexed where pg_trgm exists);
 * - `name_postings`: three integers per (record, word), read by an index-only scan.
 * The count is then the number of distinct records posted under any matching word.
 *
 * Words are never removed from `name_words` (one that no record uses any more only matches
 * nothing); postings follow every insert, update and delete of `resources` through statement-level
 * triggers, so every write path keeps them in step, including migrations and bulk imports.
 */

/**
 * Tables (split on `;` by the migration runner):
 * - `name_words`: word id and word;
 * - `name_scopes`: one number per tenant, environment and resource type;
 * - `resources.name_rec`: one number per stored row, from a sequence (a row deleted and created
 *   again gets a new one), so postings need not repeat the text id;
 * - `name_postings`: (scope, word, name_rec), three integers, so the index stays small next to
 *   `resources` (about 19 MB at 100,000 patients). Postgres's shared buffers (128 MB) are already
 *   smaller than the data of that many patients, and every page the index took from them would
 *   slow other queries.
 *
 * `name_words` and `name_scopes` have no unique key, on purpose:
 * - two transactions adding the same new word or scope never wait for each other (on a Postgres
 *   server such waits deadlocked writers that added the same words in another order). The word
 *   or scope is then stored twice, each copy with its own postings; counting distinct records
 *   over every copy keeps the count exact;
 * - a word can be longer than a btree entry may be (2,704 bytes; FHIR names have no length
 *   limit), so words are looked up by their MD5 and then compared whole.
 */
export const NAME_WORDS_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS name_words (
    word_id serial PRIMARY KEY,
    word text NOT NULL
  );
  CREATE INDEX IF NOT EXISTS name_words_by_hash ON name_words (md5(word));
  CREATE TABLE IF NOT EXISTS name_scopes (
    scope_id serial PRIMARY KEY,
    tenant text NOT NULL,
    environment text NOT NULL,
    resource_type text NOT NULL
  );
  CREATE INDEX IF NOT EXISTS name_scopes_by_key ON name_scopes (tenant, environment, resource_type);
  CREATE SEQUENCE IF NOT EXISTS name_rec_seq;
  ALTER TABLE resources ADD COLUMN IF NOT EXISTS name_rec bigint NOT NULL DEFAULT nextval('name_rec_seq');
  CREATE TABLE IF NOT EXISTS name_postings (
    scope_id integer NOT NULL,
    word_id integer NOT NULL,
    name_rec bigint NOT NULL,
    PRIMARY KEY (scope_id, word_id, name_rec)
  )
`;

/** The postings of the rows of `source` (a table, transition table or subquery), every copy of a word. */
const postingsOf = (source: string) => `
  SELECT DISTINCT c.scope_id, d.word_id, s.name_rec
  FROM ${source} AS s
  JOIN name_scopes AS c ON c.tenant = s.tenant AND c.environment = s.environment
    AND c.resource_type = s.resource_type
  CROSS JOIN string_to_table(s.name_text, ' ') AS w
  JOIN name_words AS d ON md5(d.word) = md5(w) AND d.word = w`;

/** Adds the words and postings of the rows of `source`. */
const addPostings = (source: string) => `
  INSERT INTO name_scopes (tenant, environment, resource_type)
    SELECT DISTINCT s.tenant, s.environment, s.resource_type FROM ${source} AS s
    WHERE s.name_text IS NOT NULL AND NOT EXISTS (SELECT FROM name_scopes AS c
      WHERE c.tenant = s.tenant AND c.environment = s.environment
        AND c.resource_type = s.resource_type);
  INSERT INTO name_words (word)
    SELECT DISTINCT w FROM ${source} AS s, string_to_table(s.name_text, ' ') AS w
    WHERE w <> '' AND w <> '|'
      AND NOT EXISTS (SELECT FROM name_words AS d WHERE md5(d.word) = md5(w) AND d.word = w);
  INSERT INTO name_postings (scope_id, word_id, name_rec) ${postingsOf(source)}
    ON CONFLICT DO NOTHING;`;

/** Removes the postings of the rows of `source` as they were (their old name text), by whole key. */
const removePostings = (source: string) => `
  DELETE FROM name_postings AS p USING (${postingsOf(source)}) AS gone
    WHERE p.scope_id = gone.scope_id AND p.word_id = gone.word_id AND p.name_rec = gone.name_rec;`;

/**
 * Fills the index from the rows already stored (run once, by the migration, before the triggers
 * exist). Statements separated by `;`.
 */
export const NAME_WORDS_BACKFILL_SQL = addPostings('resources');

/** The rows of an update whose name text changed, as `side` (`o` before, `n` after) has them. */
const renamed = (side: 'o' | 'n') => `(SELECT ${side}.tenant, ${side}.environment,
    ${side}.resource_type, ${side}.name_rec, ${side}.name_text
  FROM updated AS n JOIN previous AS o
    ON o.tenant = n.tenant AND o.environment = n.environment
   AND o.resource_type = n.resource_type AND o.id = n.id
  WHERE o.name_text IS DISTINCT FROM n.name_text)`;

/**
 * The trigger functions and triggers, each a single statement (function bodies contain `;`).
 * Statement-level with transition tables, so a batch insert of 1,000 rows costs three statements,
 * not 3,000. An update re-posts only the records whose `name_text` changed.
 */
export const NAME_WORDS_TRIGGER_STATEMENTS: readonly string[] = [
  `CREATE OR REPLACE FUNCTION sandbox_name_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN ${addPostings('inserted')} RETURN NULL; END $$`,
  `CREATE OR REPLACE FUNCTION sandbox_name_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN ${removePostings(renamed('o'))} ${addPostings(renamed('n'))} RETURN NULL; END $$`,
  `CREATE OR REPLACE FUNCTION sandbox_name_words_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN ${removePostings('deleted')} RETURN NULL; END $$`,
  `CREATE OR REPLACE TRIGGER name_words_inserted AFTER INSERT ON resources
   REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION sandbox_name_words_inserted()`,
  `CREATE OR REPLACE TRIGGER name_words_updated AFTER UPDATE ON resources
   REFERENCING OLD TABLE AS previous NEW TABLE AS updated
   FOR EACH STATEMENT EXECUTE FUNCTION sandbox_name_words_updated()`,
  `CREATE OR REPLACE TRIGGER name_words_deleted AFTER DELETE ON resources
   REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION sandbox_name_words_deleted()`,
];

/** Trigram index of the word list; created with the other trigram indexes when pg_trgm exists. */
export const NAME_WORDS_TRIGRAM_SQL =
  'CREATE INDEX IF NOT EXISTS name_words_trgm ON name_words USING gin (word gin_trgm_ops)';

/**
 * SQL counting the records of a type whose name text contains the folded fragment that the LIKE
 * pattern `$4` (`%fragment%`, escaped) stands for. Parameters: tenant, environment, FHIR type,
 * pattern. Only exact for a fragment without a space (see above); callers check.
 */
export const COUNT_BY_NAME_WORDS_SQL = `
  SELECT count(DISTINCT name_rec) AS total FROM name_postings
  WHERE scope_id = ANY (ARRAY(SELECT scope_id FROM name_scopes
                    WHERE tenant = $1 AND environment = $2 AND resource_type = $3))
    AND word_id = ANY (ARRAY(SELECT word_id FROM name_words WHERE word LIKE $4))`;
