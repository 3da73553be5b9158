#include "core/calc.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace core {
namespace {

// Comparisons at the RAG boundaries allow for the rounding of t·(1±τ), so that
// a figure typed exactly at a boundary lands on the side the rule states.
double slack(double target) { return 1e-9 * std::max(1.0, std::fabs(target)); }

bool at_least(double a, double b) { return a >= b - slack(b); }
bool at_most(double a, double b) { return a <= b + slack(b); }

}  // namespace

std::string_view name_of(Status s) {
    switch (s) {
        case Status::red: return "Red";
        case Status::amber: return "Amber";
        case Status::green: return "Green";
        case Status::exceeds: return "Exceeds";
        case Status::on_target: return "On target";
        case Status::near_target: return "Near target";
        case Status::below: return "Below";
        default: return "Monitor";
    }
}

std::string_view name_of(Direction d) {
    switch (d) {
        case Direction::improving: return "Improving";
        case Direction::worsening: return "Worsening";
        default: return "No change";
    }
}

Colour colour_of(Status s) {
    switch (s) {
        case Status::green: case Status::exceeds: case Status::on_target: return Colour::green;
        case Status::amber: case Status::near_target: return Colour::amber;
        case Status::red: case Status::below: return Colour::red;
        default: return Colour::none;
    }
}

int latest_period(const Series& values) {
    for (int i = static_cast<int>(values.size()); i > 0; --i)
        if (values[i - 1]) return i;
    return 0;
}

Series cumulative(const Series& values, Aggregation aggregation, int through, std::vector<Warning>& warnings,
                  const Series* denominators) {
    Series out(values.size());
    double sum = 0, den_sum = 0;
    int count = 0;
    std::optional<double> last;
    for (int i = 1; i <= through && i <= static_cast<int>(values.size()); ++i) {
        const auto& v = values[i - 1];
        std::optional<double> den;
        if (denominators && i <= static_cast<int>(denominators->size())) den = (*denominators)[i - 1];
        if (!v) warnings.push_back({Warning::gap, i, "no figure for this period, although later periods have one"});
        if (v) { sum += *v; ++count; last = v; }
        if (den) den_sum += *den;
        switch (aggregation) {
            case Aggregation::sum: out[i - 1] = sum; break;
            case Aggregation::mean: if (count) out[i - 1] = sum / count; break;
            case Aggregation::latest: out[i - 1] = last; break;
            case Aggregation::ratio:
                if (den_sum != 0) out[i - 1] = sum / den_sum;
                else warnings.push_back({Warning::zero_denominator, i, "the denominators add up to 0 so far"});
                break;
        }
    }
    return out;
}

Series profiled_target(double annual_target, Profile profile, Aggregation aggregation, int periods,
                       const Series& last_year, const std::vector<int>& days, std::vector<Warning>& warnings) {
    Series out(periods);
    if (profile == Profile::custom) return out;
    if (aggregation != Aggregation::sum) {
        std::fill(out.begin(), out.end(), annual_target);
        return out;
    }
    std::vector<double> weights(periods, 1.0);
    if (profile == Profile::days && static_cast<int>(days.size()) == periods)
        for (int i = 0; i < periods; ++i) weights[i] = days[i];
    if (profile == Profile::seasonal) {
        bool complete = static_cast<int>(last_year.size()) >= periods &&
                        std::all_of(last_year.begin(), last_year.begin() + periods, [](auto& v) { return v && *v >= 0; });
        double total = 0;
        if (complete)
            for (int i = 0; i < periods; ++i) total += *last_year[i];
        if (complete && total > 0) {
            for (int i = 0; i < periods; ++i) weights[i] = *last_year[i];
        } else {
            warnings.push_back({Warning::seasonal_fallback, 0,
                                "the seasonal profile needs every period of last year; a flat profile is used instead"});
        }
    }
    double total = std::accumulate(weights.begin(), weights.end(), 0.0), running = 0;
    for (int i = 0; i < periods; ++i) {
        running += weights[i];
        out[i] = annual_target * running / total;
    }
    out[periods - 1] = annual_target;  // exactly T, whatever the rounding on the way
    return out;
}

Series per_period_target(const Series& cumulative_target, Aggregation aggregation) {
    if (aggregation != Aggregation::sum) return cumulative_target;
    Series out(cumulative_target.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        if (cumulative_target[i] && (i == 0 || cumulative_target[i - 1]))
            out[i] = *cumulative_target[i] - (i == 0 ? 0.0 : *cumulative_target[i - 1]);
    return out;
}

Series percent_difference(const Series& cum_this, const Series& cum_last, int through) {
    Series out(cum_this.size());
    for (int i = 1; i <= through && i <= static_cast<int>(cum_this.size()); ++i) {
        const auto& a = cum_this[i - 1];
        auto b = i <= static_cast<int>(cum_last.size()) ? cum_last[i - 1] : std::nullopt;
        if (a && b && *b != 0) out[i - 1] = (*a - *b) / *b;
    }
    return out;
}

std::optional<Status> status_of(Polarity polarity, double actual, double target, const Tolerance& tolerance,
                                int scheme) {
    if (polarity == Polarity::monitor) return std::nullopt;
    double tau = tolerance.type == ToleranceType::percent ? tolerance.value * std::fabs(target) : tolerance.value;
    // `gain` is how much better than target the actual is (negative: worse).
    double gain = polarity == Polarity::higher ? actual - target : target - actual;
    if (scheme == 4) {
        if (gain > tau + slack(target)) return Status::exceeds;
        if (at_least(gain, 0)) return Status::on_target;
        if (at_least(gain, -tau)) return Status::near_target;
        return Status::below;
    }
    if (at_least(gain, 0)) return Status::green;
    if (tolerance.amber_threshold) {
        double f = *tolerance.amber_threshold;
        bool amber = polarity == Polarity::higher ? at_least(actual, f) : at_most(actual, f);
        return amber ? Status::amber : Status::red;
    }
    return at_least(gain, -tau) ? Status::amber : Status::red;
}

Direction direction_of(Polarity sense, double this_year, double last_year, double threshold) {
    double margin = threshold * std::fabs(last_year);
    double gain = sense == Polarity::higher ? this_year - last_year : last_year - this_year;
    if (last_year == 0) margin = 0;  // any difference counts
    if (gain > margin + (margin ? slack(margin) : 0)) return Direction::improving;
    if (gain < -margin - (margin ? slack(margin) : 0)) return Direction::worsening;
    return Direction::no_change;
}

Projection project_year_end(const Series& cum_this, const Series& cum_last, int through, int periods,
                            Aggregation aggregation, Polarity polarity, std::optional<double> annual_target) {
    Projection p;
    if (through < 1 || through > static_cast<int>(cum_this.size()) || !cum_this[through - 1]) return p;
    double now = *cum_this[through - 1];
    bool level = aggregation != Aggregation::sum;
    p.run_rate = level ? now : now / through * periods;
    if (!level && static_cast<int>(cum_last.size()) >= periods && cum_last[through - 1] && cum_last[periods - 1] &&
        *cum_last[through - 1] > 0)
        p.seasonal = now * *cum_last[periods - 1] / *cum_last[through - 1];
    if (annual_target && polarity != Polarity::monitor) {
        double best = p.seasonal.value_or(p.run_rate);
        p.on_course = polarity == Polarity::higher ? at_least(best, *annual_target) : at_most(best, *annual_target);
    }
    return p;
}

TableResult evaluate_table_row(Polarity polarity, std::optional<Polarity> sense, std::optional<double> actual,
                               std::optional<double> target, std::optional<double> last_year,
                               const Tolerance& tolerance, int scheme, double dot_threshold) {
    TableResult r;
    if (actual && target) r.status = status_of(polarity, *actual, *target, tolerance, scheme);
    if (actual && polarity == Polarity::monitor) r.status = Status::monitor;
    if (actual && last_year) {
        if (*last_year != 0) r.percent_change = (*actual - *last_year) / *last_year;
        Polarity s = polarity != Polarity::monitor ? polarity : sense.value_or(Polarity::monitor);
        if (s != Polarity::monitor) r.direction = direction_of(s, *actual, *last_year, dot_threshold);
    }
    return r;
}

}  // namespace core
