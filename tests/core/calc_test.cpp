// The calculations of §3, checked against the Plymouth seed (June 2015) and
// against properties over many generated series.
#include "core/calc.hpp"
#include "core/periods.hpp"

#include <doctest/doctest.h>

#include <random>

using core::Series;
using core::Status;

namespace {
Series series(std::initializer_list<double> values, int n) {
    Series s(values.begin(), values.end());
    s.resize(n);
    return s;
}
const core::Tolerance k15{0.15, core::ToleranceType::percent, std::nullopt};
}  // namespace

TEST_CASE("Plymouth ASB June 2015: cumulative, -7%, flat profile and Amber") {
    std::vector<core::Warning> w;
    Series this_year = series({864, 894, 769}, 12);
    Series last_year = series({808, 882, 1023, 1056, 915, 982, 850, 755, 682, 639, 642, 831}, 12);
    int k = core::latest_period(this_year);
    CHECK(k == 3);
    Series cum = core::cumulative(this_year, core::Aggregation::sum, k, w);
    CHECK(*cum[0] == 864);
    CHECK(*cum[1] == 1758);
    CHECK(*cum[2] == 2527);
    for (int i = 3; i < 12; ++i) CHECK_FALSE(cum[i]);  // future months blank, not 2,527 carried forward
    Series cum_last = core::cumulative(last_year, core::Aggregation::sum, 12, w);
    CHECK(*cum_last[2] == 2713);
    CHECK(*cum_last[11] == 10065);
    Series pct = core::percent_difference(cum, cum_last, k);
    CHECK(*pct[2] == doctest::Approx(-0.0686).epsilon(0.001));  // the paper's -7% (-186)
    CHECK(*cum[2] - *cum_last[2] == -186);
    for (int i = 3; i < 12; ++i) CHECK_FALSE(pct[i]);  // not -100%
    Series target = core::profiled_target(10064, core::Profile::flat, core::Aggregation::sum, 12, last_year, {}, w);
    CHECK(*target[2] == doctest::Approx(2516));
    CHECK(core::status_of(core::Polarity::lower, 2527, *target[2], k15, 3) == Status::amber);
    CHECK(w.empty());
}

TEST_CASE("Plymouth domestic abuse: the flat profile 6,588 -> 549, 1,098, ...") {
    std::vector<core::Warning> w;
    Series t = core::profiled_target(6588, core::Profile::flat, core::Aggregation::sum, 12, {}, {}, w);
    CHECK(*t[0] == 549);
    CHECK(*t[1] == 1098);
    CHECK(*t[2] == doctest::Approx(1647));
    CHECK(*t[11] == 6588);
    Series per = core::per_period_target(t, core::Aggregation::sum);
    for (auto& v : per) CHECK(*v == doctest::Approx(549));
    // 1,632 against 1,647, higher is better, 15%: Amber (the paper's "some concerns").
    CHECK(core::status_of(core::Polarity::higher, 1632, *t[2], k15, 3) == Status::amber);
}

TEST_CASE("Plymouth June 2015 statuses under the stated 15% rule") {
    // DA referrals: 525 against 2,666 / 4 = 666.5 -> Red; DASH: 58 against 50 -> Green.
    CHECK(core::status_of(core::Polarity::higher, 525, 666.5, k15, 3) == Status::red);
    CHECK(core::status_of(core::Polarity::higher, 58, 50, k15, 3) == Status::green);
    // Referrals: 525 referrals, 104 fewer than the same period last year.
    Series a = series({525}, 4), b = series({629, 727, 760, 549}, 4);
    std::vector<core::Warning> w;
    auto ca = core::cumulative(a, core::Aggregation::sum, 1, w), cb = core::cumulative(b, core::Aggregation::sum, 4, w);
    CHECK(*ca[0] - *cb[0] == -104);
    CHECK(*cb[3] == 2665);
}

TEST_CASE("scheme 3 and scheme 4 boundaries exactly at t and t ± tau") {
    double t = 1000, tau = 150;
    using P = core::Polarity;
    CHECK(core::status_of(P::higher, t, t, k15, 3) == Status::green);
    CHECK(core::status_of(P::higher, t - tau, t, k15, 3) == Status::amber);
    CHECK(core::status_of(P::higher, t - tau - 0.01, t, k15, 3) == Status::red);
    CHECK(core::status_of(P::lower, t + tau, t, k15, 3) == Status::amber);
    CHECK(core::status_of(P::lower, t + tau + 0.01, t, k15, 3) == Status::red);
    CHECK(core::status_of(P::higher, t + tau + 0.01, t, k15, 4) == Status::exceeds);
    CHECK(core::status_of(P::higher, t + tau, t, k15, 4) == Status::on_target);
    CHECK(core::status_of(P::higher, t, t, k15, 4) == Status::on_target);
    CHECK(core::status_of(P::higher, t - 0.01, t, k15, 4) == Status::near_target);
    CHECK(core::status_of(P::higher, t - tau, t, k15, 4) == Status::near_target);
    CHECK(core::status_of(P::higher, t - tau - 0.01, t, k15, 4) == Status::below);
    CHECK(core::status_of(P::lower, t - tau - 0.01, t, k15, 4) == Status::exceeds);
    core::Tolerance absolute{20, core::ToleranceType::absolute, std::nullopt};
    CHECK(core::status_of(P::higher, 2164, 2180.344262295082, absolute, 4) == Status::near_target);
    core::Tolerance floor{0.15, core::ToleranceType::percent, 900.0};
    CHECK(core::status_of(P::higher, 900, 1000, floor, 3) == Status::amber);
    CHECK(core::status_of(P::higher, 899, 1000, floor, 3) == Status::red);
    CHECK_FALSE(core::status_of(P::monitor, 1, 1, k15, 3));
}

TEST_CASE("direction of travel: exactly 1% is no change; a zero last year counts any difference") {
    using D = core::Direction;
    CHECK(core::direction_of(core::Polarity::lower, 99, 100, 0.01) == D::no_change);
    CHECK(core::direction_of(core::Polarity::lower, 98.9, 100, 0.01) == D::improving);
    CHECK(core::direction_of(core::Polarity::lower, 101.1, 100, 0.01) == D::worsening);
    CHECK(core::direction_of(core::Polarity::higher, 101.1, 100, 0.01) == D::improving);
    CHECK(core::direction_of(core::Polarity::higher, 1, 0, 0.01) == D::improving);
    CHECK(core::direction_of(core::Polarity::higher, 0, 0, 0.01) == D::no_change);
}

TEST_CASE("days and seasonal profiles; seasonal falls back to flat with a warning") {
    std::vector<core::Warning> w;
    auto days = core::period_days({2015, 4}, core::PeriodKind::month);
    Series t = core::profiled_target(3729, core::Profile::days, core::Aggregation::sum, 12, {}, days, w);
    CHECK(*t[0] == doctest::Approx(3729.0 * 30 / 366));
    CHECK(*t[11] == 3729);
    Series last = series({790, 777, 807, 844, 919, 822, 784, 717, 668, 719, 803, 799}, 12);
    Series s = core::profiled_target(8711, core::Profile::seasonal, core::Aggregation::sum, 12, last, days, w);
    CHECK(*s[6] == doctest::Approx(5294.451582178008));
    CHECK(w.empty());
    Series partial = series({790, 777}, 12);
    Series f = core::profiled_target(1200, core::Profile::seasonal, core::Aggregation::sum, 12, partial, days, w);
    CHECK(*f[0] == doctest::Approx(100));
    REQUIRE(w.size() == 1);
    CHECK(w[0].code == core::Warning::seasonal_fallback);
}

TEST_CASE("aggregations: ratio is sum over sum, mean of periods with data, latest") {
    std::vector<core::Warning> w;
    Series num = series({1, 3}, 4), den = series({10, 10}, 4);
    Series r = core::cumulative(num, core::Aggregation::ratio, 2, w, &den);
    CHECK(*r[1] == doctest::Approx(0.2));
    Series m = core::cumulative(series({2, 4}, 4), core::Aggregation::mean, 2, w);
    CHECK(*m[1] == 3);
    Series l = core::cumulative(series({5, 7}, 4), core::Aggregation::latest, 2, w);
    CHECK(*l[1] == 7);
    Series zero = series({0, 0}, 4);
    core::cumulative(num, core::Aggregation::ratio, 2, w, &zero);
    CHECK(w.back().code == core::Warning::zero_denominator);
    Series level = core::profiled_target(75, core::Profile::flat, core::Aggregation::ratio, 4, {}, {}, w);
    for (auto& v : level) CHECK(*v == 75);
}

TEST_CASE("missing data gives blanks and warnings, never a throw") {
    std::vector<core::Warning> w;
    Series gap = series({5, 0, 7}, 12);
    gap[1].reset();
    Series c = core::cumulative(gap, core::Aggregation::sum, core::latest_period(gap), w);
    CHECK(*c[1] == 5);  // the gap counts as missing, the cumulative is still filled
    CHECK(*c[2] == 12);
    REQUIRE(w.size() == 1);
    CHECK(w[0].code == core::Warning::gap);
    CHECK(w[0].period == 2);
    Series pct = core::percent_difference(c, series({0, 4}, 12), 3);
    CHECK_FALSE(pct[0]);  // last year 0
    CHECK(*pct[1] == doctest::Approx(0.25));
    CHECK_FALSE(pct[2]);  // last year missing
    CHECK(core::latest_period(Series(12)) == 0);
}

TEST_CASE("year-end projection") {
    Series cum = series({58}, 4), cum_last = series({15, 30, 45, 58}, 4);
    auto p = core::project_year_end(cum, cum_last, 1, 4, core::Aggregation::sum, core::Polarity::higher, 200.0);
    CHECK(p.run_rate == 232);
    CHECK(*p.seasonal == doctest::Approx(58.0 * 58 / 15));
    CHECK(*p.on_course);
    auto q = core::project_year_end(series({525}, 4), series({629, 1356, 2116, 2665}, 4), 1, 4, core::Aggregation::sum,
                                    core::Polarity::higher, 2666.0);
    CHECK_FALSE(*q.on_course);
    auto m = core::project_year_end(cum, cum_last, 1, 4, core::Aggregation::sum, core::Polarity::monitor, 200.0);
    CHECK_FALSE(m.on_course);
}

TEST_CASE("table layout rows") {
    auto r = core::evaluate_table_row(core::Polarity::lower, core::Polarity::lower, 1567, 1443, 1901, k15, 3, 0.01);
    CHECK(r.status == Status::amber);
    CHECK(r.direction == core::Direction::improving);
    CHECK(*r.percent_change == doctest::Approx((1567.0 - 1901) / 1901));
    auto none = core::evaluate_table_row(core::Polarity::higher, core::Polarity::higher, 310, std::nullopt, 290, k15, 3, 0.01);
    CHECK_FALSE(none.status);
    CHECK(none.direction == core::Direction::improving);
}

TEST_CASE("properties over generated series") {
    std::mt19937 rng(20151);
    std::uniform_int_distribution<int> value(0, 2000), periods(1, 12);
    std::uniform_real_distribution<double> target(1, 50000);
    for (int run = 0; run < 500; ++run) {
        std::vector<core::Warning> w;
        int k = periods(rng);
        Series a(12);
        for (int i = 0; i < k; ++i) a[i] = value(rng);
        double T = target(rng);
        for (auto profile : {core::Profile::flat, core::Profile::days, core::Profile::seasonal}) {
            Series b(12);
            for (auto& v : b) v = value(rng);
            Series t = core::profiled_target(T, profile, core::Aggregation::sum, 12, b,
                                             core::period_days({2016, 4}, core::PeriodKind::month), w);
            CHECK(*t[11] == T);  // exactly T
        }
        Series c = core::cumulative(a, core::Aggregation::sum, k, w);
        for (int i = 1; i < k; ++i) CHECK(*c[i] >= *c[i - 1]);  // never decreases for non-negative data
        // Quarterly series equal the monthly ones summed by quarter.
        Series q(4);
        for (int i = 0; i < 12; ++i)
            if (a[i]) q[i / 3] = q[i / 3].value_or(0) + *a[i];
        Series cq = core::cumulative(q, core::Aggregation::sum, core::latest_period(q), w);
        for (int j = 0; j < 4 && 3 * j + 2 < k; ++j) CHECK(*cq[j] == *c[3 * j + 2]);
        // RAG never improves as A gets worse; swapping polarity mirrors the result.
        double t0 = target(rng);
        auto rank = [](std::optional<Status> s) { return s == Status::green ? 2 : s == Status::amber ? 1 : 0; };
        int previous = 3;
        for (double A = t0 * 2; A >= 0; A -= t0 / 37) {
            int now = rank(core::status_of(core::Polarity::higher, A, t0, k15, 3));
            CHECK(now <= previous);
            previous = now;
            double mirrored = 2 * t0 - A;  // as far above t as A is below it
            CHECK(core::status_of(core::Polarity::lower, mirrored, t0, k15, 3) ==
                  core::status_of(core::Polarity::higher, A, t0, k15, 3));
        }
    }
}
