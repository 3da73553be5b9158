#pragma once
// A minimal JSON writer for the --json outputs: the caller writes values in
// order; the writer adds commas and escapes strings.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace converter {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(int number) { return value(static_cast<double>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    template <class T>
    JsonWriter& value(const std::optional<T>& v) { return v ? value(*v) : null(); }
    const std::string& str() const { return out_; }

private:
    void separate();
    std::string out_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool after_key_ = false;
};

std::string json_escape(std::string_view text);

}  // namespace converter
