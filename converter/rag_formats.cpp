#include "converter/rag_formats.hpp"

#include "xlsx/conditional_formats.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace converter {
namespace {

const xlsx::Dxf kRed{"FF9C0006", "FFFFC7CE"};
const xlsx::Dxf kAmber{"FF9C5700", "FFFFEB9C"};
const xlsx::Dxf kGreen{"FF006100", "FFC6EFCE"};

xlsx::ConditionalRule word_rule(const char* word, std::uint32_t dxf) {
    return {"cellIs", "equal", "", {fmt::format("\"{}\"", word)}, dxf, false};
}

// Formulas relative to the first cell of the range, so each cell compares
// with the target cell of its own period.
std::vector<xlsx::ConditionalRule> target_rules(const RagFormat& f, std::uint32_t green, std::uint32_t amber,
                                                std::uint32_t red) {
    std::string a = xlsx::format_cell_ref(f.first_actual), t = xlsx::format_cell_ref(f.first_target);
    bool higher = f.polarity == core::Polarity::higher;
    const char* cmp = higher ? ">=" : "<=";
    std::string both = fmt::format("ISNUMBER({}),ISNUMBER({})", a, t);
    std::string edge;
    if (f.tolerance.amber_threshold) edge = xlsx::format_number(*f.tolerance.amber_threshold);
    else if (f.tolerance.type == core::ToleranceType::absolute)
        edge = fmt::format("{}{}{}", t, higher ? "-" : "+", xlsx::format_number(f.tolerance.value));
    else
        edge = fmt::format("{}{}{}*ABS({})", t, higher ? "-" : "+", xlsx::format_number(f.tolerance.value), t);
    return {
        {"expression", "", "", {fmt::format("AND({},{}{}{})", both, a, cmp, t)}, green, true},
        {"expression", "", "", {fmt::format("AND({},{}{}{})", both, a, cmp, edge)}, amber, true},
        {"expression", "", "", {fmt::format("AND({})", both)}, red, true},
    };
}

}  // namespace

void put_rag_format(xlsx::Workbook& wb, xlsx::Worksheet& sheet, const RagFormat& f) {
    std::uint32_t red = wb.styles().intern_dxf(kRed), amber = wb.styles().intern_dxf(kAmber),
                  green = wb.styles().intern_dxf(kGreen);
    xlsx::ConditionalFormat format{f.sqref, {}};
    if (f.kind == RagFormat::Kind::status_words) {
        format.rules = {word_rule("Red", red),         word_rule("Amber", amber),      word_rule("Green", green),
                        word_rule("Exceeds", green),   word_rule("On target", green),  word_rule("Near target", amber),
                        word_rule("Below", red)};
    } else {
        format.rules = target_rules(f, green, amber, red);
    }
    auto ours = [&](const xlsx::ConditionalFormat& existing) {
        return !existing.rules.empty() && std::all_of(existing.rules.begin(), existing.rules.end(), [&](auto& r) {
            return (r.type == "cellIs" || r.type == "expression") && (r.dxf == red || r.dxf == amber || r.dxf == green);
        });
    };
    // Nothing to do when an identical block is already there (a second refresh).
    for (const xlsx::ConditionalFormat& existing : xlsx::read_conditional_formats(sheet)) {
        if (existing.sqref != format.sqref || existing.rules.size() != format.rules.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < existing.rules.size() && same; ++i) {
            const auto &x = existing.rules[i], &y = format.rules[i];
            same = x.type == y.type && x.op == y.op && x.formulas == y.formulas && x.dxf == y.dxf;
        }
        if (same) return;
    }
    xlsx::put_conditional_format(sheet, format, ours);
}

}  // namespace converter
