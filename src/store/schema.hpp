// The database schema as an ordered list of forward migrations. A file records how far it got in
// PRAGMA user_version; opening it applies the rest. Migrations are only ever appended.
#pragma once

#include <SQLiteCpp/Database.h>

namespace rectify::store {

// 'RECT': marks a SQLite file as a rectify database (PRAGMA application_id).
constexpr int kApplicationId = 0x52454354;

// The schema version this build writes: the number of migrations.
int latest_schema_version();

// Applies migrations (current, target] inside the caller's transaction and records the version.
// Tests use a target below the latest to make a file as an older rectify would have.
void migrate(SQLite::Database &db, int current, int target);

} // namespace rectify::store
