// Makes a fixed set of edits through the engine, for the end-to-end tests:
// xlsx_edit_probe IN.xlsx OUT.xlsx — on the first worksheet, writes a number,
// a string and a percentage near the used area, and adds a conditional format.
#include "xlsx/conditional_formats.hpp"
#include "xlsx/error.hpp"
#include "xlsx/workbook.hpp"

#include <cstdio>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: xlsx_edit_probe IN.xlsx OUT.xlsx\n";
        return 2;
    }
    try {
        xlsx::Workbook wb(argv[1]);
        xlsx::Worksheet* ws = nullptr;
        for (const auto& s : wb.sheets())
            if (s.kind == xlsx::SheetKind::worksheet && (ws = wb.worksheet(s.name))) break;
        if (!ws) {
            std::cerr << "no worksheet\n";
            return 3;
        }
        std::uint32_t row = 1;
        for (std::uint32_t r : ws->row_numbers()) row = std::max(row, r);
        row = std::min<std::uint32_t>(row + 2, xlsx::kMaxRow);
        xlsx::Cell number = xlsx::Cell::at({row, 2});
        number.has_value = true;
        number.value = "1234.5";
        ws->put(number);
        xlsx::Cell text = xlsx::Cell::at({row, 3});
        wb.set_text(text, "Amber & <Red>");
        ws->put(text);
        xlsx::Cell percent = xlsx::Cell::at({row, 4});
        percent.has_value = true;
        percent.value = "0.25";
        percent.style = wb.styles().with_number_format(0, "0%");
        ws->put(percent);
        std::uint32_t dxf = wb.styles().intern_dxf({"FF9C0006", "FFFFC7CE"});
        std::string ref = "C" + std::to_string(row);
        xlsx::put_conditional_format(*ws, {ref, {{"cellIs", "equal", "", {"\"Amber & <Red>\""}, dxf, false}}},
                                     [](const auto&) { return false; });
        xlsx::write_file_atomically(argv[2], [&](std::FILE* f) { wb.save(f); });
    } catch (const std::exception& e) {
        std::cerr << argv[1] << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
