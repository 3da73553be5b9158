#pragma once
// The user commands. Each returns the process exit status (§5): 0 success,
// 1 at least one file failed, 2 wrong usage. Output goes to `out`, messages
// to `err`, so that tests can run them in-process.
#include "converter/evaluate.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace converter {

struct RefreshRequest {
    std::vector<std::string> inputs;
    std::optional<std::string> output;   // -o, one input only
    std::optional<std::string> out_dir;  // --out-dir
    bool in_place = false;
    std::string backup_suffix = ".bak";
    bool json = false;
    bool dry_run = false;
    Defaults defaults;
};

int refresh_command(const RefreshRequest& request, std::ostream& out, std::ostream& err);
int inspect_command(const std::string& input, bool json, const Defaults& defaults, std::ostream& out,
                    std::ostream& err);
int doctor_command(const std::string& input, const std::optional<std::string>& rewrite, std::ostream& out,
                   std::ostream& err);
int init_command(const std::string& input, const std::optional<std::string>& output, const Defaults& defaults,
                 std::ostream& out, std::ostream& err);

// Where `refresh` writes when given no -o, --out-dir or --in-place:
// "book.xlsx" -> "book-refreshed.xlsx" beside it.
std::string default_output_path(const std::string& input, const std::string& suffix = "-refreshed");
std::string base_name(const std::string& path);

}  // namespace converter
