#include "converter/json.hpp"

#include <doctest/doctest.h>

TEST_CASE("JSON writer: commas, escapes, nulls") {
    converter::JsonWriter j;
    j.begin_object().key("a").value("x\"<\n").key("b").begin_array().value(1.5).null().value(true).end_array();
    j.key("c").value(std::optional<double>{}).end_object();
    CHECK(j.str() == R"({"a":"x\"<\n","b":[1.5,null,true],"c":null})");
    CHECK(converter::json_escape(std::string("\x01", 1)) == "\"\\u0001\"");
}
