// Boost.JSON compiled into the library itself (header-only mode), so its symbols stay hidden
// behind the version script and never meet the host's own copy of Boost.
#include <boost/json/src.hpp>
