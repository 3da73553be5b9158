#include "converter/evaluate.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace converter {
namespace {

using core::Series;

// Reads a row's period cells; text where a number belongs is reported and read as blank.
Series read_series(const SheetGrid& grid, std::uint32_t row, const std::vector<std::uint32_t>& columns,
                   std::vector<Issue>& warnings) {
    Series out;
    for (std::uint32_t col : columns) {
        const GridCell* c = grid.at(row, col);
        if (c && c->value.kind == xlsx::CellValue::Kind::number) out.push_back(c->value.number);
        else {
            out.push_back(std::nullopt);
            if (c && (c->value.kind == xlsx::CellValue::Kind::error ||
                      (c->value.kind == xlsx::CellValue::Kind::text && !core::trim(c->value.text).empty())))
                warnings.push_back({grid.name(), c->ref,
                                    fmt::format("\"{}\" is not a number; the cell is read as blank", c->value.text)});
        }
    }
    return out;
}

core::MeasureSettings base_settings(std::string_view title, bool monitoring, const SettingsSheet& sheet,
                                    const Defaults& defaults, int header_start_month) {
    core::MeasureSettings m;
    auto inferred = core::infer_polarity(title, monitoring);
    m.polarity = {inferred.polarity, core::Source::inferred};
    m.sense = inferred.sense;
    m.start_month = {header_start_month, core::Source::inferred};
    if (defaults.tolerance) m.tolerance = {*defaults.tolerance, core::Source::command_line};
    if (defaults.start_month) m.start_month = {*defaults.start_month, core::Source::command_line};
    if (const SettingsEntry* e = sheet.match(title)) apply_overrides(m, e->values, core::Source::settings_sheet);
    return m;
}

core::Tolerance tolerance_of(const core::MeasureSettings& s) {
    return {s.tolerance.value, s.tolerance_type.value, s.amber_threshold.value};
}

struct YearRows {
    std::map<int, const BlockRow*> actual, cumulative, numerator, denominator;
    const BlockRow *target = nullptr, *percent = nullptr, *status = nullptr, *direction = nullptr;
};

YearRows sort_rows(const Block& b) {
    YearRows y;
    for (const BlockRow& r : b.rows) {
        int year = r.year ? r.year->first_year : 0;
        switch (r.role) {
            case RowRole::actual: y.actual[year] = &r; break;
            case RowRole::cumulative: y.cumulative[year] = &r; break;
            case RowRole::numerator: y.numerator[year] = &r; break;
            case RowRole::denominator: y.denominator[year] = &r; break;
            case RowRole::target: y.target = &r; break;
            case RowRole::percent_difference: y.percent = &r; break;
            case RowRole::status: y.status = &r; break;
            case RowRole::direction: y.direction = &r; break;
        }
    }
    return y;
}

const BlockRow* find_row(const std::map<int, const BlockRow*>& rows, int year) {
    auto it = rows.find(year);
    return it == rows.end() ? nullptr : it->second;
}

// §2.4: the annual target read from the officer's own target row.
std::optional<double> target_from_row(const Series& row, bool per_period) {
    int filled = static_cast<int>(std::count_if(row.begin(), row.end(), [](auto& v) { return v.has_value(); }));
    bool full = filled == static_cast<int>(row.size());
    if (per_period) {
        if (!full) return std::nullopt;
        double sum = 0;
        for (auto& v : row) sum += *v;
        return sum;
    }
    if (row.back() && (filled == 1 || full)) return row.back();
    return std::nullopt;
}

void write_row(MeasureResult& m, std::uint32_t row, const std::vector<std::uint32_t>& columns, const Series& values,
               int through, bool percent) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        CellWrite w = CellWrite::at({row, columns[i]});
        w.percent = percent;
        w.future = static_cast<int>(i) >= through;
        if (!w.future && values[i]) { w.kind = CellWrite::Kind::number; w.value = *values[i]; }
        m.writes.push_back(w);
    }
}

std::string period_label(const Block& b, int index, const core::FinancialYear& year) {
    if (b.kind == core::PeriodKind::quarter) return fmt::format("Q{} {}", index, core::format_year(year));
    return fmt::format("{} {}", core::month_abbreviation(core::month_of_period(b.start_month, index)),
                       core::format_year(year));
}

void add_warnings(MeasureResult& m, const std::vector<core::Warning>& found, const BlockRow* row,
                  const std::vector<std::uint32_t>& columns, const char* what) {
    for (const core::Warning& w : found) {
        std::optional<xlsx::CellRef> cell;
        if (row && w.period > 0) cell = xlsx::CellRef{row->row, columns[w.period - 1]};
        else if (row) cell = row->label_cell;
        m.warnings.push_back({m.sheet, cell, fmt::format("{}: {}", what, w.message)});
    }
}

// The annual target and the profile t[1..n] (§2.4, §3), with their writes.
void evaluate_target(const SheetGrid& grid, const Block& b, MeasureResult& m, const BlockRow* target_row) {
    const auto& cols = b.period_columns;
    core::MeasureSettings& s = m.settings;
    Series officer_row;
    if (target_row) officer_row = read_series(grid, target_row->row, cols, m.warnings);
    if (!s.annual_target.value && target_row) {
        if (auto t = target_from_row(officer_row, target_row->per_period)) s.annual_target = {t, core::Source::inferred};
    }
    if (s.polarity.value == core::Polarity::monitor) return;  // no target, no RAG
    if (!s.annual_target.value && s.profile.value != core::Profile::custom) {
        m.warnings.push_back({m.sheet, target_row ? std::optional(target_row->label_cell) : b.title_cell,
                              "no annual target: give one in the Scorecard Settings sheet or fill the target row's "
                              "last period; the measure gets no status"});
        return;
    }
    if (s.profile.value == core::Profile::custom) {
        if (!target_row) {
            m.warnings.push_back({m.sheet, b.title_cell, "a custom profile needs a target row; no status"});
            return;
        }
        m.target = officer_row;
        if (target_row->per_period && s.aggregation.value == core::Aggregation::sum) {
            double run = 0;
            for (auto& v : m.target)
                if (v) { run += *v; v = run; }
        }
        return;
    }
    std::vector<core::Warning> found;
    std::vector<int> days = core::period_days(*m.this_year, b.kind);
    m.target = core::profiled_target(*s.annual_target.value, s.profile.value, s.aggregation.value, m.periods,
                                     m.actual_last, days, found);
    add_warnings(m, found, target_row, cols, "target");
    if (target_row)
        write_row(m, target_row->row, cols,
                  target_row->per_period ? core::per_period_target(m.target, s.aggregation.value) : m.target,
                  m.periods, false);
}

// Status and direction words for periods up to the latest; blanks after.
// Each period's status and direction up to the latest (§3: a status row gets
// each period's YTD against that period's target).
void period_words(MeasureResult& m) {
    const core::MeasureSettings& s = m.settings;
    m.period_status.assign(m.periods, std::nullopt);
    m.period_direction.assign(m.periods, std::nullopt);
    core::Polarity sense = s.polarity.value != core::Polarity::monitor ? s.polarity.value
                                                                      : s.sense.value_or(core::Polarity::monitor);
    for (int i = 1; i <= m.latest; ++i) {
        const auto& a = m.cum_this[i - 1];
        if (!a) continue;
        if (s.polarity.value == core::Polarity::monitor) m.period_status[i - 1] = core::Status::monitor;
        else if (!m.target.empty() && m.target[i - 1])
            m.period_status[i - 1] = core::status_of(s.polarity.value, *a, *m.target[i - 1], tolerance_of(s), s.scheme.value);
        if (m.cum_last[i - 1] && sense != core::Polarity::monitor)
            m.period_direction[i - 1] = core::direction_of(sense, *a, *m.cum_last[i - 1], s.dot_threshold.value);
    }
}

void write_words(MeasureResult& m, const BlockRow* row, const std::vector<std::uint32_t>& cols, bool status) {
    for (int i = 1; i <= m.periods; ++i) {
        CellWrite w = CellWrite::at({row->row, cols[i - 1]});
        w.future = i > m.latest;
        if (!w.future) {
            std::optional<std::string_view> word;
            if (status && m.period_status[i - 1]) word = core::name_of(*m.period_status[i - 1]);
            if (!status && m.period_direction[i - 1]) word = core::name_of(*m.period_direction[i - 1]);
            if (!word) continue;  // nothing to say: leave the officer's cell alone
            w.kind = CellWrite::Kind::text;
            w.text = std::string(*word);
        }
        m.writes.push_back(w);
    }
}

void evaluate_outputs(const SheetGrid& grid, const Block& b, MeasureResult& m, const YearRows& rows,
                      const BlockRow* act_last, const BlockRow* cum, const BlockRow* cum_last) {
    const auto& cols = b.period_columns;
    const core::MeasureSettings& s = m.settings;
    evaluate_target(grid, b, m, rows.target);
    m.percent = core::percent_difference(m.cum_this, m.cum_last, m.latest);
    if (cum && !m.cumulative_input) write_row(m, cum->row, cols, m.cum_this, m.latest, false);
    if (cum_last && act_last) write_row(m, cum_last->row, cols, m.cum_last, core::latest_period(m.cum_last), false);
    if (rows.percent) write_row(m, rows.percent->row, cols, m.percent, m.latest, true);
    period_words(m);
    if (rows.status) write_words(m, rows.status, cols, true);
    if (rows.direction) write_words(m, rows.direction, cols, false);
    if (m.latest == 0) return;
    int k = m.latest;
    m.ytd_actual = m.cum_this[k - 1];
    m.ytd_last_year = m.cum_last[k - 1];
    m.percent_change = m.percent[k - 1];
    if (!m.target.empty()) m.target_at_latest = m.target[k - 1];
    m.status = m.period_status[k - 1];
    m.direction = m.period_direction[k - 1];
    m.projection = core::project_year_end(m.cum_this, m.cum_last, k, m.periods, s.aggregation.value, s.polarity.value,
                                          s.annual_target.value);
    m.latest_label = m.period_labels[k - 1];
    if (s.polarity.value == core::Polarity::monitor) return;
    xlsx::CellRef first{0, cols.front()}, last{0, cols.back()};
    if (rows.status) {
        first.row = last.row = rows.status->row;
        m.formats.push_back(RagFormat::on_words(xlsx::format_range(first, last)));
    }
    if (cum && rows.target && !m.target.empty()) {
        first.row = last.row = cum->row;
        RagFormat f = RagFormat::on_words(xlsx::format_range(first, last));
        f.kind = RagFormat::Kind::against_target;
        f.first_actual = first;
        f.first_target = {rows.target->row, cols.front()};
        f.polarity = s.polarity.value;
        f.tolerance = tolerance_of(s);
        m.formats.push_back(f);
    }
}

// After a roll into a new year the settings still hold last year's targets
// until the officer sets new ones; "Target for" says which year they are for.
void warn_if_target_stale(MeasureResult& m, const SettingsSheet& sheet, const core::FinancialYear& year) {
    const SettingsEntry* e = sheet.match(m.name);
    if (!e || !e->values.target_for || e->values.target_for->first_year == year.first_year) return;
    auto col = sheet.columns.find("target for");
    m.warnings.push_back({sheet.sheet, xlsx::CellRef{e->row, col == sheet.columns.end() ? 1u : col->second},
                          fmt::format("the annual target of \"{}\" was set for {}, but this year is {}: enter this "
                                      "year's target and its year",
                                      m.name, core::format_year(*e->values.target_for), core::format_year(year))});
}

// A cumulative-input row whose last figure repeats to the year end looks like
// the hand error of the seeds (a total carried into months with no data yet).
void warn_if_carried(MeasureResult& m, const BlockRow& row, const std::vector<std::uint32_t>& cols) {
    int k = m.latest;
    if (k < 3 || !m.cum_this[k - 1]) return;
    int first = k;
    while (first > 1 && m.cum_this[first - 2] == m.cum_this[k - 1]) --first;
    if (k - first >= 1)
        m.warnings.push_back({m.sheet, xlsx::CellRef{row.row, cols[first]},
                              fmt::format("the cumulative figure {} repeats unchanged from {} to {}; if those months "
                                          "have no data yet, clear them so that the latest period is {}",
                                          xlsx::format_number(*m.cum_this[k - 1]), m.period_labels[first - 1],
                                          m.period_labels[k - 1], m.period_labels[first - 1])});
}

}  // namespace

namespace {

struct YearFigures {
    Series values, cumulative;      // empty when the block has nothing for the year
    const BlockRow* source = nullptr;
    bool from_cumulative = false;   // read from a cumulative row (cumulative-input)
};

// One year's figures: the numerator and denominator rows of a ratio measure,
// else the actuals row, else the cumulative row taken as input. Periods after
// the year's last figure stay blank.
YearFigures read_year(const SheetGrid& grid, const YearRows& rows, int year, MeasureResult& m, const char* which) {
    const auto& cols = m.period_columns;
    core::Aggregation agg = m.settings.aggregation.value;
    YearFigures y;
    std::vector<core::Warning> found;
    const BlockRow* num = find_row(rows.numerator, year);
    const BlockRow* den = find_row(rows.denominator, year);
    if (agg == core::Aggregation::ratio) {
        if (!num || !den) return y;
        y.source = num;
        y.values = read_series(grid, num->row, cols, m.warnings);
        Series dens = read_series(grid, den->row, cols, m.warnings);
        y.cumulative = core::cumulative(y.values, agg, core::latest_period(y.values), found, &dens);
    } else if (const BlockRow* act = find_row(rows.actual, year)) {
        y.source = act;
        y.values = read_series(grid, act->row, cols, m.warnings);
        y.cumulative = core::cumulative(y.values, agg, core::latest_period(y.values), found);
    } else if (const BlockRow* cum = find_row(rows.cumulative, year)) {
        y.source = cum;
        y.from_cumulative = true;
        y.cumulative = read_series(grid, cum->row, cols, m.warnings);
        if (agg == core::Aggregation::sum) {  // per-period figures, for the seasonal profile
            y.values.assign(cols.size(), std::nullopt);
            for (std::size_t i = 0; i < cols.size(); ++i)
                if (y.cumulative[i] && (i == 0 || y.cumulative[i - 1]))
                    y.values[i] = *y.cumulative[i] - (i == 0 ? 0.0 : *y.cumulative[i - 1]);
        }
    }
    add_warnings(m, found, y.source, cols, which);
    return y;
}

}  // namespace

std::optional<MeasureResult> evaluate_block(const SheetGrid& grid, const Block& b, const SettingsSheet& sheet,
                                            const Defaults& defaults, std::vector<Issue>& skipped) {
    MeasureResult m;
    m.sheet = b.sheet;
    m.layout = "block";
    m.name = b.title.empty() ? fmt::format("untitled block at {}!{}", b.sheet, xlsx::format_cell_ref({b.header_row, 1}))
                             : b.title;
    m.cells = xlsx::format_range({b.title_cell ? std::min(b.title_cell->row, b.header_row) : b.header_row, 1},
                                 {b.last_row, b.period_columns.back()});
    m.kind = b.kind;
    m.periods = static_cast<int>(b.period_columns.size());
    m.period_columns = b.period_columns;
    m.settings = base_settings(m.name, b.mentions_monitoring, sheet, defaults, b.start_month);
    YearRows rows = sort_rows(b);
    int this_year = rows.actual.empty() ? rows.cumulative.rbegin()->first : rows.actual.rbegin()->first;
    core::FinancialYear year{this_year, b.start_month};
    m.this_year = year;
    for (int i = 1; i <= m.periods; ++i) m.period_labels.push_back(period_label(b, i, year));
    warn_if_target_stale(m, sheet, year);
    for (const auto& [y, r] : rows.actual) m.actual_rows[y] = r->row;
    for (const BlockRow& r : b.rows)
        if (r.year) m.year_rows.push_back({r.role, r.year->first_year, r.row, r.label_cell, r.label});
    if (find_row(rows.numerator, this_year) && find_row(rows.denominator, this_year) &&
        m.settings.aggregation.source == core::Source::default_value)
        m.settings.aggregation = {core::Aggregation::ratio, core::Source::inferred};

    YearFigures now = read_year(grid, rows, this_year, m, "this year");
    if (!now.source) {
        skipped.push_back({b.sheet, b.title_cell, fmt::format("\"{}\" is a ratio measure but the block has no "
                                                              "Numerator and Denominator rows for {}; skipped",
                                                              m.name, core::format_year(year))});
        return std::nullopt;
    }
    m.cumulative_input = now.from_cumulative;
    m.actual_this = now.from_cumulative ? Series(m.periods) : now.values;
    m.cum_this = now.cumulative;
    m.latest = core::latest_period(m.cumulative_input ? m.cum_this : m.actual_this);
    if (m.cumulative_input) warn_if_carried(m, *now.source, m.period_columns);
    if (m.latest == 0)
        m.warnings.push_back({m.sheet, now.source->label_cell,
                              fmt::format("no figures yet for {}; nothing to compute", core::format_year(year))});

    YearFigures before = read_year(grid, rows, this_year - 1, m, "last year");
    m.actual_last = before.values.empty() ? Series(m.periods) : before.values;
    m.cum_last = before.cumulative.empty() ? Series(m.periods) : before.cumulative;
    if (!before.source)
        m.warnings.push_back({m.sheet, b.title_cell,
                              fmt::format("no figures for last year ({}) were found, so % difference and direction "
                                          "are left blank",
                                          core::format_year({this_year - 1, b.start_month}))});
    const BlockRow* cum_last = find_row(rows.cumulative, this_year - 1);
    evaluate_outputs(grid, b, m, rows, before.from_cumulative ? nullptr : before.source,
                     find_row(rows.cumulative, this_year), cum_last);
    return m;
}

}  // namespace converter

namespace converter {

std::vector<MeasureResult> evaluate_table(const SheetGrid& grid, const Table& t, const SettingsSheet& sheet,
                                          const Defaults& defaults) {
    std::vector<MeasureResult> out;
    auto number_at = [&](std::uint32_t row, std::optional<std::uint32_t> col, MeasureResult& m) -> std::optional<double> {
        if (!col) return std::nullopt;
        const GridCell* c = grid.at(row, *col);
        if (!c) return std::nullopt;
        if (c->value.kind == xlsx::CellValue::Kind::number) return c->value.number;
        if (c->value.kind == xlsx::CellValue::Kind::text && !core::trim(c->value.text).empty())
            m.warnings.push_back({t.sheet, c->ref, fmt::format("\"{}\" is not a number; it is read as blank", c->value.text)});
        return std::nullopt;
    };
    for (std::uint32_t row : t.measure_rows) {
        MeasureResult m;
        m.sheet = t.sheet;
        m.layout = "table";
        m.name = grid.text(row, t.name_column);
        m.cells = xlsx::format_cell_ref({row, t.name_column});
        m.table_row = row;
        m.table_actual_column = t.actual;
        m.settings = base_settings(m.name, false, sheet, defaults, 4);
        const core::MeasureSettings& s = m.settings;
        m.ytd_actual = number_at(row, t.actual, m);
        m.target_at_latest = number_at(row, t.target, m);
        m.ytd_last_year = number_at(row, t.last_year, m);
        auto r = core::evaluate_table_row(s.polarity.value, s.sense, m.ytd_actual, m.target_at_latest, m.ytd_last_year,
                                          tolerance_of(s), s.scheme.value, s.dot_threshold.value);
        m.status = r.status;
        m.direction = r.direction;
        m.percent_change = r.percent_change;
        auto put = [&](std::uint32_t col, CellWrite::Kind kind, double value, std::string_view text, bool percent) {
            CellWrite w = CellWrite::at({row, col});
            w.kind = kind;
            w.value = value;
            w.text = std::string(text);
            w.percent = percent;
            m.writes.push_back(std::move(w));
        };
        if (t.status && r.status) put(*t.status, CellWrite::Kind::text, 0, core::name_of(*r.status), false);
        if (t.direction && r.direction) put(*t.direction, CellWrite::Kind::text, 0, core::name_of(*r.direction), false);
        if (t.change && r.percent_change) put(*t.change, CellWrite::Kind::number, *r.percent_change, "", true);
        if (t.status && s.polarity.value != core::Polarity::monitor)
            m.formats.push_back(RagFormat::on_words(xlsx::format_cell_ref({row, *t.status})));
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace converter
