// Fuzzes the worksheet reader on sheet XML directly (no zip around it).
#include "xlsx/error.hpp"
#include "xlsx/worksheet.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        xlsx::Worksheet ws("sheet.xml", std::string(reinterpret_cast<const char*>(data), size));
        for (std::uint32_t r : ws.row_numbers()) {
            auto cells = ws.row_cells(r);
            if (!cells.empty()) {
                xlsx::Cell c = cells.front();
                c.value = "1";
                c.has_value = true;
                ws.put(c);
            }
        }
        ws.serialize();
    } catch (const xlsx::Error&) {
    }
    return 0;
}
