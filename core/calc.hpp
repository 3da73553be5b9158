#pragma once
// The calculations of SCORECARD-RULES §3, as pure functions over series of
// period values. Index 0 of a series is period 1. A blank period is nullopt.
// Missing or unusable data never throws: it yields blanks and a Warning.
#include "core/settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

using Series = std::vector<std::optional<double>>;

enum class Status { red, amber, green, exceeds, on_target, near_target, below, monitor };
enum class Direction { improving, no_change, worsening };

struct Warning {
    // What core itself can tell; missing years and targets are the caller's to report, since only it knows the cells.
    enum Code { gap, zero_denominator, seasonal_fallback } code;
    int period = 0;  // 1-based period concerned, 0 when none
    std::string message;
};

std::string_view name_of(Status s);     // "Red", "On target", "Monitor", …
std::string_view name_of(Direction d);  // "Improving", "No change", "Worsening"
// True for the statuses shown green / amber / red (scheme 4 folded onto RAG).
enum class Colour { green, amber, red, none };
Colour colour_of(Status s);

// Last period (1-based) holding a number; 0 when none.
int latest_period(const Series& values);

// Year-to-date value of each period up to `through` (1-based, inclusive);
// later periods are blank. A gap before `through` is reported once per period.
// For `ratio`, `denominators` holds the denominator series.
Series cumulative(const Series& values, Aggregation aggregation, int through, std::vector<Warning>& warnings,
                  const Series* denominators = nullptr);

// The profiled cumulative target for every period (§3). `last_year` is used
// by the seasonal profile; `days` by the days profile. Level aggregations
// (ratio, mean, latest) get the annual target in every period. For `custom`
// the caller keeps the officer's row; this returns blanks.
Series profiled_target(double annual_target, Profile profile, Aggregation aggregation, int periods,
                       const Series& last_year, const std::vector<int>& days, std::vector<Warning>& warnings);
// Per-period target from a cumulative one: t[i] − t[i−1] (levels unchanged).
Series per_period_target(const Series& cumulative_target, Aggregation aggregation);

// (cum_a[i] − cum_b[i]) / cum_b[i] for i ≤ through; blank where cum_b is 0 or missing.
Series percent_difference(const Series& cum_this, const Series& cum_last, int through);

struct Tolerance {
    double value = 0.15;  // fraction for percent, amount for absolute
    ToleranceType type = ToleranceType::percent;
    std::optional<double> amber_threshold;
};

// The status of `actual` against `target` (§3 RAG). nullopt for monitor measures.
std::optional<Status> status_of(Polarity polarity, double actual, double target, const Tolerance& tolerance, int scheme);

// Direction of travel comparing this year's value with last year's (§3).
// `threshold` is a fraction of last year's value; exactly at it is "No change".
Direction direction_of(Polarity sense, double this_year, double last_year, double threshold);

// Year-end projection and whether it reaches the annual target.
struct Projection {
    double run_rate = 0;                // current rate carried to the year end
    std::optional<double> seasonal;     // scaled by last year's shape, when last year is complete
    std::optional<bool> on_course;      // nullopt for monitor measures or without a target
};
Projection project_year_end(const Series& cum_this, const Series& cum_last, int through, int periods,
                            Aggregation aggregation, Polarity polarity, std::optional<double> annual_target);

// One row of the table layout (§2.2): actual, target and last year as typed.
struct TableResult {
    std::optional<Status> status;
    std::optional<Direction> direction;
    std::optional<double> percent_change;
};
TableResult evaluate_table_row(Polarity polarity, std::optional<Polarity> sense, std::optional<double> actual,
                               std::optional<double> target, std::optional<double> last_year,
                               const Tolerance& tolerance, int scheme, double dot_threshold);

}  // namespace core
