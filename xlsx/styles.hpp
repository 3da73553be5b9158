#pragma once
// xl/styles.xml: number formats, cell formats (xf) and differential formats
// (dxf, used by conditional formatting). Existing indices never move: a
// changed cell format is a new xf appended to cellXfs.
#include <pugixml.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace xlsx {

// A differential format for conditional formatting: font colour and fill,
// as ARGB hex ("FF9C0006").
struct Dxf {
    std::string font_argb;
    std::string fill_argb;
};

class Styles {
public:
    // An empty stylesheet (the package had no styles part).
    Styles();
    Styles(const std::string& part, const std::string& text);

    // The number format code of cell format `xf` ("General" when unknown).
    std::string number_format(std::uint32_t xf) const;
    // True when that code shows a percentage.
    bool is_percent(std::uint32_t xf) const;
    // True when that code shows a date (so the number is a serial date).
    bool is_date(std::uint32_t xf) const;
    // Index of a cell format equal to `xf` except for its number format, which
    // is `code`; appended only when no such xf exists yet.
    std::uint32_t with_number_format(std::uint32_t xf, const std::string& code);
    // Index of a dxf with these colours, appended only when absent.
    std::uint32_t intern_dxf(const Dxf& dxf);
    bool modified() const { return modified_; }
    std::string serialize();

private:
    pugi::xml_node section(const char* name, bool create);
    std::uint32_t number_format_id(const std::string& code);

    pugi::xml_document doc_;
    std::string prefix_;
    std::map<std::uint32_t, std::string> custom_formats_;
    bool modified_ = false;
};

// The code of a built-in number format id (0..49), or empty.
std::string builtin_number_format(std::uint32_t id);
// Classifies a number format code, ignoring quoted text, escapes and [colour] sections.
bool format_code_is_percent(const std::string& code);
bool format_code_is_date(const std::string& code);

}  // namespace xlsx
