#pragma once
// A health check of a package, for `scorecard doctor`: every relationship
// target present, every part covered by a content type, every XML part well
// formed, the workbook's sheets resolvable.
#include "xlsx/limits.hpp"

#include <string>
#include <vector>

namespace xlsx {

struct PackageProblem {
    std::string part;     // the part concerned, empty for the file as a whole
    std::string message;  // plain words
};

// Never throws for a bad package: every problem found is returned. An empty
// result means the package is healthy.
std::vector<PackageProblem> check_package(const std::string& path, const Limits& limits = {});

}  // namespace xlsx
