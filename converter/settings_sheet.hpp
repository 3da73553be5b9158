#pragma once
// The officer's `Scorecard Settings` sheet (SCORECARD-RULES §2.3).
#include "converter/grid.hpp"
#include "converter/issues.hpp"
#include "core/periods.hpp"
#include "core/settings.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace converter {

inline constexpr std::string_view kSettingsSheetName = "Scorecard Settings";

struct SettingsOverrides {
    std::optional<core::Polarity> polarity;
    std::optional<double> annual_target;
    std::optional<double> tolerance;
    std::optional<core::ToleranceType> tolerance_type;
    std::optional<double> amber_threshold;
    std::optional<core::Profile> profile;
    std::optional<core::Aggregation> aggregation;
    std::optional<int> scheme;
    std::optional<int> start_month;
    std::optional<double> dot_threshold;
    std::optional<core::FinancialYear> target_for;  // the year the annual target was set for
};

struct SettingsEntry {
    std::string name;  // as typed
    std::string key;   // normalised for matching
    std::uint32_t row = 0;
    SettingsOverrides values;
};

struct SettingsSheet {
    std::string sheet;  // the sheet's actual name; empty when the workbook has none
    std::vector<SettingsEntry> entries;
    std::uint32_t header_row = 1;  // the first row holding anything
    std::uint32_t last_row = 0;
    std::map<std::string, std::uint32_t> columns;  // normalised header -> column

    // The entry whose name is the title or a prefix of it, longest first.
    const SettingsEntry* match(std::string_view title) const;
};

// Reads the settings sheet from `grid`. A value that cannot be read is
// reported with its cell and that row is ignored.
SettingsSheet read_settings(const SheetGrid& grid, std::vector<Issue>& warnings);

// Applies `values` to `settings`, marking each field as coming from `source`.
void apply_overrides(core::MeasureSettings& settings, const SettingsOverrides& values, core::Source source);

}  // namespace converter
