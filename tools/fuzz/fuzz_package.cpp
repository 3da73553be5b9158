// Fuzzes everything that reads a workbook file: the zip reader, the package,
// the workbook and sheet parsers, recognition and the whole refresh up to the
// write. Errors are expected; crashes, hangs and sanitizer reports are not.
#include "converter/refresh.hpp"
#include "xlsx/error.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    char path[] = "/tmp/scorecard-fuzz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    if (write(fd, data, size) != static_cast<ssize_t>(size)) { close(fd); unlink(path); return 0; }
    close(fd);
    xlsx::Limits limits;
    limits.max_entry_size = 64 << 20;
    limits.max_total_size = 256 << 20;
    try {
        xlsx::Workbook wb(path, limits);
        converter::Analysis a = converter::analyse(wb, {});
        converter::apply(wb, a);
        std::FILE* sink = std::fopen("/dev/null", "wb");
        if (sink) {
            try { wb.save(sink); } catch (const xlsx::Error&) {}
            std::fclose(sink);
        }
    } catch (const xlsx::Error&) {
    }
    unlink(path);
    return 0;
}
