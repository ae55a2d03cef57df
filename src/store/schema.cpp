#include "store/schema.hpp"

#include "core/date.hpp"
#include "store/audit_chain.hpp"
#include "store/row_images.hpp"

#include <SQLiteCpp/Statement.h>

#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace rectify::store {

namespace {

// Columns every record table starts with.
#define RECORD_COLUMNS                                                                             \
    "id INTEGER PRIMARY KEY, "                                                                     \
    "version INTEGER NOT NULL CHECK (version >= 1), "                                              \
    "ref TEXT NOT NULL UNIQUE, "                                                                   \
    "created_at TEXT NOT NULL, "                                                                   \
    "updated_at TEXT NOT NULL, "

#define STATUS_CHECK                                                                               \
    "CHECK (status IN ('not_started','in_progress','substantially_done','done','closed','reopened'))"

// 1: the model of rounds, units, inspections and everything under them.
const char *const kMigration1 =
    "CREATE TABLE rounds (" RECORD_COLUMNS
    "  name TEXT NOT NULL, year INTEGER);"
    "CREATE TABLE units (" RECORD_COLUMNS
    "  name TEXT NOT NULL, party_org TEXT);"
    "CREATE TABLE inspections (" RECORD_COLUMNS
    "  round_id INTEGER REFERENCES rounds(id),"
    "  unit_id INTEGER NOT NULL REFERENCES units(id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('routine','special','mobile','lookback','elevated','cross','linked')),"
    "  label TEXT, authority TEXT, group_name TEXT NOT NULL,"
    "  onsite_start TEXT NOT NULL, onsite_end TEXT, feedback_date TEXT,"
    "  title TEXT, closing TEXT);"
    "CREATE INDEX inspections_by_unit ON inspections(unit_id);"
    "CREATE INDEX inspections_by_round ON inspections(round_id);"
    "CREATE TABLE aspects (" RECORD_COLUMNS
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  seq INTEGER NOT NULL, title TEXT NOT NULL);"
    "CREATE INDEX aspects_by_inspection ON aspects(inspection_id, seq);"
    "CREATE TABLE issues (" RECORD_COLUMNS
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  aspect_id INTEGER NOT NULL REFERENCES aspects(id),"
    "  parent_id INTEGER REFERENCES issues(id),"
    "  seq INTEGER NOT NULL, title TEXT NOT NULL, description TEXT,"
    "  is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)), non_public_reason TEXT,"
    "  status TEXT NOT NULL " STATUS_CHECK ","
    "  relapse_count INTEGER NOT NULL DEFAULT 0 CHECK (relapse_count >= 0));"
    "CREATE INDEX issues_by_inspection ON issues(inspection_id);"
    "CREATE INDEX issues_by_aspect ON issues(aspect_id, seq);"
    "CREATE INDEX issues_by_parent ON issues(parent_id);"
    "CREATE TABLE measures (" RECORD_COLUMNS
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  issue_id INTEGER NOT NULL REFERENCES issues(id),"
    "  seq INTEGER NOT NULL, title TEXT NOT NULL,"
    "  category TEXT NOT NULL CHECK (category IN ('immediate','deadline','ongoing')),"
    "  leader TEXT, department TEXT, person TEXT, deadline TEXT, completed_date TEXT,"
    "  is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)), non_public_reason TEXT,"
    "  status TEXT NOT NULL " STATUS_CHECK ");"
    "CREATE INDEX measures_by_inspection ON measures(inspection_id);"
    "CREATE INDEX measures_by_issue ON measures(issue_id, seq);"
    "CREATE INDEX measures_by_deadline ON measures(deadline);"
    "CREATE TABLE progress (" RECORD_COLUMNS
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  measure_id INTEGER NOT NULL REFERENCES measures(id),"
    "  seq INTEGER NOT NULL, date TEXT, text TEXT NOT NULL, author TEXT);"
    "CREATE INDEX progress_by_measure ON progress(measure_id, seq);"
    "CREATE INDEX progress_by_inspection ON progress(inspection_id);"
    "CREATE TABLE outcomes (" RECORD_COLUMNS
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  issue_id INTEGER REFERENCES issues(id),"
    "  seq INTEGER NOT NULL,"
    "  type TEXT NOT NULL CHECK (type IN ('rule','money','accountability','meeting')),"
    "  name TEXT, action TEXT, category TEXT, amount_fen INTEGER, form TEXT, count INTEGER,"
    "  date TEXT, note TEXT);"
    "CREATE INDEX outcomes_by_inspection ON outcomes(inspection_id);"
    "CREATE INDEX outcomes_by_issue ON outcomes(issue_id, seq);";

// 2: the audit log. Append-only: every change of every record, who made it and when (UTC),
// with the record as it was before and after.
const char *const kMigration2 =
    "CREATE TABLE audit_events ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  action TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  record_id INTEGER NOT NULL,"
    "  before TEXT,"
    "  after TEXT);"
    "CREATE INDEX audit_by_record ON audit_events(kind, record_id);";

// 3: users and their grants; the audit log becomes a hash chain and append-only.
const char *const kMigration3 =
    "CREATE TABLE users ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  display_name TEXT,"
    "  created_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL);"
    "CREATE TABLE grants ("
    "  id INTEGER PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES users(id),"
    "  role TEXT NOT NULL CHECK (role IN ('admin','inspector','liaison','owner','supervisor','auditor','public')),"
    "  scope TEXT NOT NULL CHECK (scope IN ('all','round','unit')),"
    "  scope_id INTEGER NOT NULL,"
    "  granted_at TEXT NOT NULL,"
    "  granted_by TEXT NOT NULL,"
    "  UNIQUE (user_id, role, scope, scope_id));"
    "ALTER TABLE audit_events ADD COLUMN prev_hash TEXT;"
    "ALTER TABLE audit_events ADD COLUMN hash TEXT;";

// Events written before the chain existed join it in their order.
void chain_existing_events(SQLite::Database &db) {
    std::string prev = kGenesisHash;
    SQLite::Statement rows(db, "SELECT id, at, actor, action, kind, record_id, before, after FROM audit_events ORDER BY id");
    SQLite::Statement set(db, "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?");
    while (rows.executeStep()) {
        AuditRow e;
        e.format = kEventFormatJson;
        e.id = rows.getColumn(0).getInt64();
        e.at = rows.getColumn(1).getString();
        e.actor = rows.getColumn(2).getString();
        e.action = rows.getColumn(3).getString();
        e.kind = rows.getColumn(4).getString();
        e.record_id = rows.getColumn(5).getInt64();
        if (!rows.getColumn(6).isNull()) e.before = rows.getColumn(6).getString();
        if (!rows.getColumn(7).isNull()) e.after = rows.getColumn(7).getString();
        e.prev_hash = prev;
        e.hash = event_hash(e);
        set.bind(1, e.prev_hash);
        set.bind(2, e.hash);
        set.bind(3, e.id);
        set.exec();
        set.reset();
        prev = e.hash;
    }
}

// Nobody edits the audit log: not the library, not a host through it.
const char *const kAuditAppendOnly =
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";

void migration3(SQLite::Database &db) {
    db.exec(kMigration3);
    chain_existing_events(db);
    db.exec(kAuditAppendOnly);
}

// 4: deadlines. The database's own calendar (notices loaded at run time, local days), named and
// versioned rule profiles, the deadlines an inspection derives from its profile, extensions and
// escalations.
const char *const kMigration4 =
    "CREATE TABLE calendar_notices ("
    "  id INTEGER PRIMARY KEY,"
    "  year INTEGER NOT NULL,"
    "  body TEXT NOT NULL,"
    "  loaded_at TEXT NOT NULL,"
    "  loaded_by TEXT NOT NULL);"
    "CREATE TABLE calendar_days ("
    "  date TEXT PRIMARY KEY,"
    "  off INTEGER NOT NULL CHECK (off IN (0, 1)),"
    "  set_at TEXT NOT NULL,"
    "  set_by TEXT NOT NULL);"
    "CREATE TABLE rule_profiles ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  body TEXT NOT NULL,"
    "  created_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL,"
    "  UNIQUE (name, version));"
    "ALTER TABLE inspections ADD COLUMN profile_id INTEGER REFERENCES rule_profiles(id);"
    "ALTER TABLE inspections ADD COLUMN plan_due TEXT;"
    "ALTER TABLE inspections ADD COLUMN concentrated_end TEXT;"
    "ALTER TABLE inspections ADD COLUMN report_due TEXT;"
    "ALTER TABLE inspections ADD COLUMN evaluation_due TEXT;"
    "CREATE TABLE extensions ("
    "  id INTEGER PRIMARY KEY,"
    "  measure_id INTEGER NOT NULL REFERENCES measures(id),"
    "  original_deadline TEXT,"
    "  requested_deadline TEXT NOT NULL,"
    "  reason TEXT NOT NULL,"
    "  requested_by TEXT NOT NULL,"
    "  requested_at TEXT NOT NULL,"
    "  state TEXT NOT NULL CHECK (state IN ('pending','approved','refused')),"
    "  decided_by TEXT,"
    "  decided_at TEXT,"
    "  decision_note TEXT);"
    "CREATE INDEX extensions_by_measure ON extensions(measure_id);"
    "CREATE TABLE escalations ("
    "  id INTEGER PRIMARY KEY,"
    "  target_kind TEXT NOT NULL CHECK (target_kind IN ('issue','measure')),"
    "  target_id INTEGER NOT NULL,"
    "  level TEXT NOT NULL CHECK (level IN ('notice','guidance','reminder','warning','accountability')),"
    "  issued_on TEXT NOT NULL,"
    "  issued_by TEXT NOT NULL,"
    "  issued_to TEXT NOT NULL,"
    "  new_deadline TEXT,"
    "  previous_deadline TEXT,"
    "  note TEXT,"
    "  created_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL);"
    "CREATE INDEX escalations_by_target ON escalations(target_kind, target_id);"
    // Warning queries: open measures by deadline, for one unit (through the inspection) or all.
    "CREATE INDEX measures_open_by_deadline ON measures(deadline) "
    "  WHERE status IN ('not_started','in_progress','substantially_done','reopened');"
    "CREATE INDEX measures_by_inspection_deadline ON measures(inspection_id, deadline);";

void migration4(SQLite::Database &db) { db.exec(kMigration4); }

// 5: the second half of rectification. Evidence with its hash, look-back reviews and their
// verdicts, follow-up plans of ongoing measures and the follow-ups made, evaluations, leads.
const char *const kMigration5 =
    "CREATE TABLE evidence ("
    "  id INTEGER PRIMARY KEY,"
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  target_kind TEXT NOT NULL CHECK (target_kind IN ('issue','measure')),"
    "  target_id INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  kind TEXT,"
    "  path TEXT,"
    "  uri TEXT,"
    "  media_type TEXT,"
    "  size INTEGER,"
    "  sha256 TEXT,"
    "  added_at TEXT NOT NULL,"
    "  added_by TEXT NOT NULL);"
    "CREATE INDEX evidence_by_target ON evidence(target_kind, target_id);"
    "CREATE INDEX evidence_by_inspection ON evidence(inspection_id);"
    "CREATE TABLE reviews ("
    "  id INTEGER PRIMARY KEY,"
    "  scope_kind TEXT NOT NULL CHECK (scope_kind IN ('inspection','round')),"
    "  scope_id INTEGER NOT NULL,"
    "  scheduled_on TEXT NOT NULL,"
    "  team TEXT NOT NULL,"
    "  title TEXT,"
    "  created_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL);"
    "CREATE TABLE review_verdicts ("
    "  id INTEGER PRIMARY KEY,"
    "  review_id INTEGER NOT NULL REFERENCES reviews(id),"
    "  issue_id INTEGER NOT NULL REFERENCES issues(id),"
    "  verdict TEXT NOT NULL CHECK (verdict IN ('held','relapsed','incomplete','false')),"
    "  findings TEXT,"
    "  decided_on TEXT NOT NULL,"
    "  decided_by TEXT NOT NULL,"
    "  UNIQUE (review_id, issue_id));"
    "CREATE TABLE followup_plans ("
    "  measure_id INTEGER PRIMARY KEY REFERENCES measures(id),"
    "  cadence TEXT NOT NULL CHECK (cadence IN ('monthly','quarterly','half_yearly','yearly')),"
    "  start_on TEXT NOT NULL,"
    "  set_at TEXT NOT NULL,"
    "  set_by TEXT NOT NULL);"
    "CREATE TABLE followups ("
    "  id INTEGER PRIMARY KEY,"
    "  measure_id INTEGER NOT NULL REFERENCES measures(id),"
    "  on_date TEXT NOT NULL,"
    "  narrative TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL,"
    "  recorded_by TEXT NOT NULL);"
    "CREATE INDEX followups_by_measure ON followups(measure_id, on_date);"
    "CREATE TABLE evaluations ("
    "  id INTEGER PRIMARY KEY,"
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  evaluated_on TEXT NOT NULL,"
    "  evaluator TEXT NOT NULL,"
    "  deductions TEXT NOT NULL,"
    "  score INTEGER NOT NULL,"
    "  rating TEXT NOT NULL CHECK (rating IN ('good','fairly_good','fair','poor')),"
    "  created_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL);"
    "CREATE TABLE leads ("
    "  id INTEGER PRIMARY KEY,"
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  summary TEXT NOT NULL,"
    "  handed_to TEXT NOT NULL,"
    "  handed_on TEXT NOT NULL,"
    "  disposition TEXT NOT NULL CHECK (disposition IN ('in_progress','concluded','no_case')),"
    "  concluded_on TEXT,"
    "  note TEXT,"
    "  created_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL);"
    "CREATE INDEX leads_by_inspection ON leads(inspection_id);"
    // Close-outs (销号) keep who verified and when; settings hold the close-out guards.
    "CREATE TABLE close_outs ("
    "  id INTEGER PRIMARY KEY,"
    "  issue_id INTEGER NOT NULL REFERENCES issues(id),"
    "  verifier TEXT NOT NULL,"
    "  closed_on TEXT NOT NULL,"
    "  note TEXT,"
    "  created_at TEXT NOT NULL);"
    "CREATE INDEX close_outs_by_issue ON close_outs(issue_id);"
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL,"
    "  set_at TEXT NOT NULL,"
    "  set_by TEXT NOT NULL);";

void migration5(SQLite::Database &db) { db.exec(kMigration5); }

void migration1(SQLite::Database &db) { db.exec(kMigration1); }
void migration2(SQLite::Database &db) { db.exec(kMigration2); }

// "CHECK (col IN ('a','b','c'))" with three or more constants becomes "CHECK (col = 'a' OR col = 'b'
// OR col = 'c')". Shorter lists and anything else are left as they are.
std::string in_lists_as_comparisons(const std::string &sql) {
    static const std::regex check(R"(CHECK \((\w+) IN \(('[^']*'(?:, ?'[^']*'){2,})\)\))");
    static const std::regex constant(R"('[^']*')");
    std::string out;
    auto last = sql.cbegin();
    for (std::sregex_iterator it(sql.begin(), sql.end(), check), end; it != end; ++it) {
        const auto &m = *it;
        out.append(last, m[0].first);
        const std::string column = m[1].str(), list = m[2].str();
        out += "CHECK (";
        bool first = true;
        for (std::sregex_iterator c(list.begin(), list.end(), constant); c != end; ++c, first = false)
            out += (first ? "" : " OR ") + column + " = " + c->str();
        out += ")";
        last = m[0].second;
    }
    out.append(last, sql.cend());
    return out;
}

// 6: no IN list of three or more constants where rows are written. SQLite evaluates such a list
// through a temporary b-tree built for every row inserted or updated (a measure insert built
// three), which made bulk writes several times slower; comparisons cost nothing of the kind.
// CHECK constraints are rewritten in place, as SQLite documents for constraint changes that do
// not change what is stored (every existing row satisfies both forms, which mean the same); the
// one partial index is built again with an equivalent two-value NOT IN.
void migration6(SQLite::Database &db) {
    std::vector<std::pair<std::string, std::string>> rewrites;
    {
        SQLite::Statement tables(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%CHECK (%'");
        while (tables.executeStep()) {
            std::string sql = tables.getColumn(1).getString();
            std::string rewritten = in_lists_as_comparisons(sql);
            if (rewritten != sql) rewrites.emplace_back(tables.getColumn(0).getString(), std::move(rewritten));
        }
    }
    if (!rewrites.empty()) {
        const int schema_version = db.execAndGet("PRAGMA schema_version").getInt();
        db.exec("PRAGMA writable_schema = ON");
        SQLite::Statement set(db, "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
        for (const auto &[name, sql] : rewrites) {
            set.bind(1, sql);
            set.bind(2, name);
            set.exec();
            set.reset();
        }
        db.exec("PRAGMA schema_version = " + std::to_string(schema_version + 1));
        db.exec("PRAGMA writable_schema = OFF");
    }
    // The warning queries name this index's condition word for word (store/deadlines.cpp, kOpen).
    db.exec("DROP INDEX measures_open_by_deadline;"
            "CREATE INDEX measures_open_by_deadline ON measures(deadline) WHERE status NOT IN ('done','closed');");
}

// 7: every table is proved, not only the records. The two tables keyed by text (a day, a
// setting's name) get an integer key, since VACUUM may renumber the rows of a table without one
// and row images are kept by row number; then every row of every table with row images is
// audited as it stands (store/row_images.hpp). Checks made before this version covered records,
// users and grants; these tables are proved from their baseline on.
const char *const kMigration7 =
    "CREATE TABLE calendar_days_7 ("
    "  id INTEGER PRIMARY KEY,"
    "  date TEXT NOT NULL UNIQUE,"
    "  off INTEGER NOT NULL CHECK (off IN (0, 1)),"
    "  set_at TEXT NOT NULL,"
    "  set_by TEXT NOT NULL);"
    "INSERT INTO calendar_days_7 (date, off, set_at, set_by) SELECT date, off, set_at, set_by FROM calendar_days ORDER BY date;"
    "DROP TABLE calendar_days;"
    "ALTER TABLE calendar_days_7 RENAME TO calendar_days;"
    "CREATE TABLE settings_7 ("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"
    "  value TEXT NOT NULL,"
    "  set_at TEXT NOT NULL,"
    "  set_by TEXT NOT NULL);"
    "INSERT INTO settings_7 (key, value, set_at, set_by) SELECT key, value, set_at, set_by FROM settings ORDER BY key;"
    "DROP TABLE settings;"
    "ALTER TABLE settings_7 RENAME TO settings;";

void migration7(SQLite::Database &db) {
    db.exec(kMigration7);
    audit_baseline(db, core::utc_timestamp_now(), kEventFormatJson);
}

// 8: events are hashed over a binary form of what is stored, which the log's verification reads
// and hashes as it is, instead of escaping every text again as JSON (store/audit_chain.hpp).
// Earlier events keep their recipe: their format reads NULL, which is 1.
const char *const kMigration8 = "ALTER TABLE audit_events ADD COLUMN format INTEGER;";

void migration8(SQLite::Database &db) { db.exec(kMigration8); }

using Migration = void (*)(SQLite::Database &);
const Migration kMigrations[] = {migration1, migration2, migration3, migration4, migration5, migration6, migration7, migration8};

} // namespace

int latest_schema_version() { return static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]); }

void migrate(SQLite::Database &db, int current, int target) {
    for (int v = current + 1; v <= target; ++v) kMigrations[v - 1](db);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(target));
}

} // namespace rectify::store
