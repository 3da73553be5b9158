#include "converter/commands.hpp"

#include <ostream>

namespace converter {

int init_command(const std::string&, const std::optional<std::string>&, const Defaults&, std::ostream&,
                 std::ostream& err) {
    err << "scorecard init: not available yet\n";
    return 1;
}

}  // namespace converter
