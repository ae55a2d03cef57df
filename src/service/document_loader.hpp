// Builds the document tree of one inspection from the store: what export writes and the notice
// renders.
#pragma once

#include "io/document.hpp"
#include "store/store.hpp"

namespace rectify::service {

// Throws not_found when there is no such inspection.
io::Document load_document(store::Store &store, std::int64_t inspection_id);

} // namespace rectify::service
