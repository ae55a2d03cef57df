#include "store/schema.hpp"

#include <string>

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

const char *const kMigrations[] = {kMigration1, kMigration2};

} // namespace

int latest_schema_version() { return static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]); }

void migrate(SQLite::Database &db, int current, int target) {
    for (int v = current + 1; v <= target; ++v) db.exec(kMigrations[v - 1]);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(target));
}

} // namespace rectify::store
