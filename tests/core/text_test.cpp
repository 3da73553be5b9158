#include "core/text.hpp"

#include <doctest/doctest.h>

TEST_CASE("labels match whatever their case and spacing") {
    CHECK(core::normalize_label("  Cum   Actuals\t14/15 ") == "cum actuals 14/15");
    CHECK(core::trim("\xC2\xA0 RAG \xC2\xA0") == "RAG");
    CHECK(core::starts_with_word("reduce asb", "reduce"));
    CHECK_FALSE(core::starts_with_word("reducer", "reduce"));
}
