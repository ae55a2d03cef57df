// Builds the document tree of one inspection from the store: what export writes and the notice
// renders.
#pragma once

#include "io/document.hpp"
#include "store/store.hpp"

namespace rectify::service {

// What a load reads besides the tree of aspects, issues, measures and outcomes.
struct LoadParts {
    bool progress = true; // each measure's progress records (statistics never read them)
};

// Throws not_found when there is no such inspection.
io::Document load_document(store::Store &store, std::int64_t inspection_id, const LoadParts &parts = {});

} // namespace rectify::service
