#include "xlsx/conditional_formats.hpp"

#include "xlsx/xml.hpp"

#include <algorithm>
#include <array>

namespace xlsx {
namespace {

// CT_Worksheet children that must come after <conditionalFormatting>.
constexpr std::array<std::string_view, 21> kAfterConditionalFormatting = {
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
    "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
    "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"};

// The schema name of a child, looking through mc:AlternateContent at what it wraps.
std::string_view effective_name(pugi::xml_node n) {
    std::string_view name = local_name(n.name());
    if (name != "AlternateContent") return name;
    for (pugi::xml_node choice : n.children())
        for (pugi::xml_node inner : choice.children())
            if (inner.type() == pugi::node_element) return local_name(inner.name());
    return name;
}

ConditionalFormat read_block(pugi::xml_node block) {
    ConditionalFormat f;
    f.sqref = block.attribute("sqref").value();
    for (pugi::xml_node r : block.children()) {
        if (local_name(r.name()) != "cfRule") continue;
        ConditionalRule rule;
        rule.type = r.attribute("type").value();
        rule.op = r.attribute("operator").value();
        rule.text = r.attribute("text").value();
        rule.dxf = r.attribute("dxfId").as_uint();
        rule.stop_if_true = r.attribute("stopIfTrue").as_bool();
        for (pugi::xml_node fm : r.children())
            if (local_name(fm.name()) == "formula") rule.formulas.push_back(fm.text().get());
        f.rules.push_back(std::move(rule));
    }
    return f;
}

int max_priority(pugi::xml_node node) {
    int best = 0;
    for (pugi::xml_node c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        if (local_name(c.name()) == "cfRule") best = std::max(best, c.attribute("priority").as_int());
        best = std::max(best, max_priority(c));
    }
    return best;
}

}  // namespace

std::vector<ConditionalFormat> read_conditional_formats(Worksheet& sheet) {
    std::vector<ConditionalFormat> out;
    for (pugi::xml_node c : sheet.frame_root(true).children())
        if (local_name(c.name()) == "conditionalFormatting") out.push_back(read_block(c));
    return out;
}

void put_conditional_format(Worksheet& sheet, const ConditionalFormat& format,
                            const std::function<bool(const ConditionalFormat&)>& replaces) {
    pugi::xml_node root = sheet.frame_root();
    for (pugi::xml_node c = root.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (local_name(c.name()) == "conditionalFormatting" && format.sqref == c.attribute("sqref").value() &&
            replaces(read_block(c)))
            root.remove_child(c);
        c = next;
    }
    int priority = max_priority(root);
    pugi::xml_node last_cf, first_after;
    for (pugi::xml_node c : root.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view name = effective_name(c);
        if (name == "conditionalFormatting") last_cf = c;
        else if (!first_after && std::find(kAfterConditionalFormatting.begin(), kAfterConditionalFormatting.end(),
                                           name) != kAfterConditionalFormatting.end())
            first_after = c;
    }
    const std::string& p = sheet.prefix();
    std::string tag = p + "conditionalFormatting";
    pugi::xml_node block = last_cf       ? root.insert_child_after(tag.c_str(), last_cf)
                           : first_after ? root.insert_child_before(tag.c_str(), first_after)
                                         : root.append_child(tag.c_str());
    block.append_attribute("sqref").set_value(format.sqref.c_str());
    for (const ConditionalRule& rule : format.rules) {
        pugi::xml_node r = block.append_child((p + "cfRule").c_str());
        r.append_attribute("type").set_value(rule.type.c_str());
        r.append_attribute("dxfId").set_value(rule.dxf);
        r.append_attribute("priority").set_value(++priority);
        if (rule.stop_if_true) r.append_attribute("stopIfTrue").set_value(1);
        if (!rule.op.empty()) r.append_attribute("operator").set_value(rule.op.c_str());
        if (!rule.text.empty()) r.append_attribute("text").set_value(rule.text.c_str());
        for (const std::string& f : rule.formulas) r.append_child((p + "formula").c_str()).text().set(f.c_str());
    }
}

}  // namespace xlsx
