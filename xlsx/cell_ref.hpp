#pragma once
// A1-style cell references. Rows and columns are 1-based, as in Excel.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xlsx {

inline constexpr std::uint32_t kMaxRow = 1048576;
inline constexpr std::uint32_t kMaxColumn = 16384;

struct CellRef {
    std::uint32_t row = 0;     // 1..kMaxRow
    std::uint32_t column = 0;  // 1..kMaxColumn
    friend bool operator==(const CellRef&, const CellRef&) = default;
    friend auto operator<=>(const CellRef&, const CellRef&) = default;
};

// Parses "B12" or "$B$12"; nullopt when malformed or outside the sheet limits.
std::optional<CellRef> parse_cell_ref(std::string_view text);
// "B12".
std::string format_cell_ref(CellRef ref);
// "AB" for 28.
std::string column_letters(std::uint32_t column);
// "B4:P4" (or "B4" when both ends are the same cell).
std::string format_range(CellRef first, CellRef last);

}  // namespace xlsx
