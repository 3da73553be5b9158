#include "converter/json.hpp"

#include <fmt/format.h>

#include <cmath>

namespace converter {

std::string json_escape(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<int>(c));
                else out.push_back(c);
        }
    }
    return out + "\"";
}

void JsonWriter::separate() {
    if (after_key_) { after_key_ = false; return; }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ",";
        first_.back() = false;
    }
}

JsonWriter& JsonWriter::begin_object() { separate(); out_ += "{"; first_.push_back(true); return *this; }
JsonWriter& JsonWriter::end_object() { out_ += "}"; first_.pop_back(); return *this; }
JsonWriter& JsonWriter::begin_array() { separate(); out_ += "["; first_.push_back(true); return *this; }
JsonWriter& JsonWriter::end_array() { out_ += "]"; first_.pop_back(); return *this; }
JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    out_ += json_escape(name) + ":";
    after_key_ = true;
    return *this;
}
JsonWriter& JsonWriter::value(std::string_view text) { separate(); out_ += json_escape(text); return *this; }
JsonWriter& JsonWriter::value(double number) {
    separate();
    out_ += std::isfinite(number) ? fmt::format("{}", number) : "null";
    return *this;
}
JsonWriter& JsonWriter::value(bool flag) { separate(); out_ += flag ? "true" : "false"; return *this; }
JsonWriter& JsonWriter::null() { separate(); out_ += "null"; return *this; }

}  // namespace converter
