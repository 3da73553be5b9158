#include "core/settings.hpp"

#include <doctest/doctest.h>

using core::Polarity;

TEST_CASE("polarity inference of §2.4") {
    CHECK(core::infer_polarity("Reduce Anti-social Behaviour incidents", false).polarity == Polarity::lower);
    CHECK(core::infer_polarity("  increase referrals", false).polarity == Polarity::higher);
    CHECK(core::infer_polarity("Improve satisfaction", false).polarity == Polarity::higher);
    CHECK(core::infer_polarity("Number of professionals trained", false).polarity == Polarity::monitor);
    auto monitored = core::infer_polarity("Reduce Serious Acquisitive crime (monitoring levels only)", false);
    CHECK(monitored.polarity == Polarity::monitor);
    CHECK(monitored.sense == Polarity::lower);
    CHECK(core::infer_polarity("Reduce burglary", true).polarity == Polarity::monitor);
    CHECK(core::infer_polarity("Reducer", false).polarity == Polarity::monitor);
}

TEST_CASE("settings-sheet values") {
    CHECK(core::read_polarity("Higher is better") == Polarity::higher);
    CHECK(core::read_polarity("lower") == Polarity::lower);
    CHECK(core::read_polarity("Monitoring only") == Polarity::monitor);
    CHECK_FALSE(core::read_polarity("sideways"));
    CHECK(core::read_percent("15%") == doctest::Approx(0.15));
    CHECK(core::read_percent("0.15") == doctest::Approx(0.15));
    CHECK(core::read_percent("15") == doctest::Approx(0.15));
    CHECK(core::read_percent("1") == doctest::Approx(0.01));
    CHECK_FALSE(core::read_percent("lots"));
    CHECK(core::read_number(" 6,588 ") == 6588);
    CHECK_FALSE(core::read_number("12a"));
    CHECK(core::read_scheme("4") == 4);
    CHECK_FALSE(core::read_scheme("5"));
    CHECK(core::read_start_month("Jan") == 1);
    CHECK(core::read_start_month("4") == 4);
    CHECK(core::read_profile("Seasonal") == core::Profile::seasonal);
    CHECK(core::read_aggregation("ratio") == core::Aggregation::ratio);
    CHECK(core::read_tolerance_type("Absolute") == core::ToleranceType::absolute);
}
