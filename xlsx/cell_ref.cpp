#include "xlsx/cell_ref.hpp"

namespace xlsx {

std::optional<CellRef> parse_cell_ref(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '$') ++i;
    std::uint32_t column = 0;
    std::size_t letters = 0;
    while (i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) {
        char c = static_cast<char>(text[i] & ~0x20);
        column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
        if (++letters > 3) return std::nullopt;
        ++i;
    }
    if (i < text.size() && text[i] == '$') ++i;
    std::uint32_t row = 0;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        row = row * 10 + static_cast<std::uint32_t>(text[i] - '0');
        if (++digits > 7) return std::nullopt;
        ++i;
    }
    if (i != text.size() || letters == 0 || digits == 0 || row == 0 || row > kMaxRow || column > kMaxColumn)
        return std::nullopt;
    return CellRef{row, column};
}

std::string column_letters(std::uint32_t column) {
    std::string out;
    while (column > 0) {
        std::uint32_t rem = (column - 1) % 26;
        out.insert(out.begin(), static_cast<char>('A' + rem));
        column = (column - 1) / 26;
    }
    return out;
}

std::string format_cell_ref(CellRef ref) { return column_letters(ref.column) + std::to_string(ref.row); }

std::string format_range(CellRef first, CellRef last) {
    return first == last ? format_cell_ref(first) : format_cell_ref(first) + ":" + format_cell_ref(last);
}

}  // namespace xlsx
