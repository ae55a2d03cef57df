// The sentence a user reads when a write breaks a constraint of the schema, in place of SQLite's
// own text ("UNIQUE constraint failed: review_verdicts.review_id, review_verdicts.issue_id").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rectify::store {

/** A unique key of the schema, as SQLite names it in a failure, and what its failure means. */
struct UniqueKeySentence {
    std::string_view columns;  // "review_verdicts.review_id, review_verdicts.issue_id"
    std::string_view sentence; // "the issue already has a verdict in this review"
};

/** Every unique key (UNIQUE, non-rowid PRIMARY KEY) of the schema with its sentence. */
const std::vector<UniqueKeySentence> &unique_key_sentences();

/**
 * The domain's sentence for SQLite's constraint message: each unique key its own sentence, a
 * CHECK, FOREIGN KEY or NOT NULL failure a sentence naming the value concerned. A message of no
 * known shape gives "the change breaks a rule of the database".
 */
std::string constraint_sentence(std::string_view sqlite_message);

} // namespace rectify::store
