#include "xlsx/worksheet.hpp"

#include "xlsx/error.hpp"
#include "xlsx/xml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace xlsx {
namespace {

constexpr std::string_view kPlaceholder = "SCORECARD-SHEETDATA-PLACEHOLDER-9f3c";

std::string close_tag(std::string_view qname) { return "</" + std::string(qname) + ">"; }

// Offset just past the element whose start tag is `start` (nesting of the
// same name counted).
std::size_t element_end(std::string_view text, const XmlToken& start, std::size_t limit) {
    if (start.self_closing) return start.finish;
    XmlScanner scan(text, start.finish, limit);
    XmlToken t;
    int depth = 1;
    while (scan.next(t)) {
        if (t.kind == XmlToken::start_tag && !t.self_closing && t.name == start.name) ++depth;
        else if (t.kind == XmlToken::end_tag && t.name == start.name && --depth == 0) return t.finish;
    }
    throw Error("", fmt::format("the element <{}> at byte {} is not closed", start.name, start.begin));
}

std::string inline_string_text(std::string_view text, std::size_t from, std::size_t to) {
    std::string out;
    XmlScanner scan(text, from, to);
    XmlToken t;
    int phonetic = 0;
    bool in_t = false;
    while (scan.next(t)) {
        std::string_view name = local_name(t.name);
        if (t.kind == XmlToken::start_tag && !t.self_closing) {
            if (name == "rPh") ++phonetic;
            else if (name == "t") in_t = true;
        } else if (t.kind == XmlToken::end_tag) {
            if (name == "rPh") --phonetic;
            else if (name == "t") in_t = false;
        } else if (t.kind == XmlToken::text && in_t && phonetic == 0) {
            std::string_view raw = text.substr(t.begin, t.finish - t.begin);
            if (raw.starts_with("<![CDATA[")) out.append(raw.substr(9, raw.size() - 12));
            else out += unescape_xml(raw);
        }
    }
    return out;
}

std::uint32_t parse_uint(std::string_view s) {
    std::uint32_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// A row's optional spans="lo:hi" hint must cover its cells; a cell written
// outside it widens it (several ranges become the one that covers them all).
void widen_spans(std::string& open_tag, std::uint32_t first, std::uint32_t last) {
    std::size_t at = open_tag.find(" spans=\"");
    if (at == std::string::npos) return;
    std::size_t value = at + 8, end = open_tag.find('"', value);
    if (end == std::string::npos) return;
    std::uint32_t lo = first, hi = last;
    std::string spans = open_tag.substr(value, end - value);
    for (std::size_t pos = 0; pos < spans.size();) {
        std::size_t colon = spans.find(':', pos), space = spans.find(' ', pos);
        if (colon == std::string::npos) return;
        if (space == std::string::npos) space = spans.size();
        lo = std::min(lo, parse_uint(std::string_view(spans).substr(pos, colon - pos)));
        hi = std::max(hi, parse_uint(std::string_view(spans).substr(colon + 1, space - colon - 1)));
        pos = space + 1;
    }
    open_tag.replace(value, end - value, fmt::format("{}:{}", lo, hi));
}

struct ParsedCell {
    Cell cell;
    std::size_t begin, end;
    bool has_r;
};

}  // namespace

std::string format_number(double value) { return fmt::format("{}", value); }

std::string render_cell(const Cell& c, const std::string& p) {
    std::string out = fmt::format("<{}c r=\"{}\"", p, format_cell_ref(c.ref));
    if (c.style) out += fmt::format(" s=\"{}\"", *c.style);
    if (!c.type.empty() && c.type != "n") out += fmt::format(" t=\"{}\"", c.type);
    out += c.other_attributes;
    std::string body = c.formula_xml;
    if (c.has_value) {
        if (c.type == "inlineStr") {
            bool keep = !c.value.empty() && (c.value.front() == ' ' || c.value.back() == ' ');
            body += fmt::format("<{0}is><{0}t{1}>{2}</{0}t></{0}is>", p, keep ? " xml:space=\"preserve\"" : "",
                                escape_xml(c.value));
        } else {
            body += fmt::format("<{0}v>{1}</{0}v>", p, escape_xml(c.value));
        }
    }
    body += c.other_children;
    if (body.empty()) return out + "/>";
    return out + ">" + body + fmt::format("</{}c>", p);
}

Worksheet::Worksheet(std::string part, std::string text) : part_(std::move(part)), text_(std::move(text)) {
    check_outside_root(part_, text_);
    declare_utf8(text_);  // a UTF-16 part arrives converted; it must not claim otherwise when written back
    try {
        XmlScanner scan(text_, 0, text_.size());
        XmlToken t;
        int depth = 0;
        bool found = false;
        while (scan.next(t)) {
            if (t.kind == XmlToken::start_tag) {
                if (depth == 1 && local_name(t.name) == "sheetData") { found = true; break; }
                if (!t.self_closing) ++depth;
            } else if (t.kind == XmlToken::end_tag) {
                --depth;
            }
        }
        if (!found) throw Error(part_, "the worksheet has no <sheetData> element (damaged sheet)");
        prefix_ = name_prefix(t.name);
        std::string close = close_tag(t.name);
        if (t.self_closing) {
            data_begin_ = data_end_ = t.finish;
            head_ = text_.substr(0, t.begin) + "<" + std::string(t.name) + std::string(t.attrs) + ">";
            tail_ = close + text_.substr(t.finish);
        } else {
            data_begin_ = t.finish;
            data_end_ = text_.find(close, data_begin_);
            if (data_end_ == std::string::npos) throw Error(part_, "the <sheetData> element is not closed (damaged sheet)");
            head_ = text_.substr(0, data_begin_);
            tail_ = text_.substr(data_end_);
        }
        index_rows();
    } catch (const Error& e) {
        if (!e.part().empty()) throw;
        throw Error(part_, e.what());
    }
}

void Worksheet::index_rows() {
    XmlScanner scan(text_, data_begin_, data_end_);
    XmlToken t;
    std::uint32_t previous = 0;
    while (scan.next(t)) {
        if (t.kind == XmlToken::end_tag) throw Error(part_, fmt::format("unexpected </{}> in sheetData", t.name));
        if (t.kind != XmlToken::start_tag) continue;
        std::size_t end = t.self_closing ? t.finish : text_.find(close_tag(t.name), t.finish);
        if (end == std::string::npos) throw Error(part_, fmt::format("a <{}> in sheetData is not closed", t.name));
        if (!t.self_closing) end += t.name.size() + 3;
        if (local_name(t.name) == "row") {
            RowSpan row{0, t.begin, t.finish, end, t.self_closing, false};
            for_each_attribute(t.attrs, [&](std::string_view name, std::string_view value) {
                if (name == "r") { row.number = parse_uint(value); row.has_r = true; }
            });
            if (!row.has_r) row.number = previous + 1;
            if (row.number == 0 || row.number > kMaxRow)
                throw Error(part_, fmt::format("a row has the impossible number {}", row.number));
            previous = row.number;
            row_index_.emplace(row.number, rows_.size());
            rows_.push_back(row);
            row_qname_ = std::string(t.name);
        }
        scan = XmlScanner(text_, end, data_end_);
    }
}

std::vector<std::uint32_t> Worksheet::row_numbers() const {
    std::vector<std::uint32_t> out;
    out.reserve(rows_.size() + edits_.size());
    for (const auto& r : rows_) out.push_back(r.number);
    for (const auto& [n, e] : edits_)
        if (!row_index_.count(n)) out.push_back(n);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

static std::vector<ParsedCell> parse_cells(const std::string& part, std::string_view text, std::size_t from,
                                           std::size_t to, std::uint32_t row_number) {
    std::vector<ParsedCell> cells;
    XmlScanner scan(text, from, to);
    XmlToken t;
    std::uint32_t column = 0;
    while (scan.next(t)) {
        if (t.kind != XmlToken::start_tag || local_name(t.name) != "c") {
            if (t.kind == XmlToken::start_tag) scan = XmlScanner(text, element_end(text, t, to), to);
            continue;
        }
        ParsedCell pc{{}, t.begin, element_end(text, t, to), false};
        Cell& c = pc.cell;
        for_each_attribute(t.attrs, [&](std::string_view name, std::string_view value) {
            if (name == "r") {
                auto ref = parse_cell_ref(value);
                if (!ref) throw Error(part, fmt::format("a cell has the malformed reference \"{}\"", value));
                c.ref = *ref;
                pc.has_r = true;
            } else if (name == "s") c.style = parse_uint(value);
            else if (name == "t") c.type = std::string(value);
            else c.other_attributes += fmt::format(" {}=\"{}\"", name, value);
        });
        if (!pc.has_r) c.ref = CellRef{row_number, column + 1};
        if (c.ref.row != row_number)
            throw Error(part, fmt::format("cell {} is written inside row {}", format_cell_ref(c.ref), row_number));
        column = c.ref.column;
        XmlScanner inner(text, t.finish, t.self_closing ? t.finish : pc.end);
        XmlToken ct;
        while (inner.next(ct)) {
            if (ct.kind != XmlToken::start_tag) continue;
            std::size_t end = element_end(text, ct, pc.end);
            std::string_view name = local_name(ct.name);
            std::size_t content_end = ct.self_closing ? ct.finish : end - ct.name.size() - 3;
            if (name == "f") {
                c.formula_xml = std::string(text.substr(ct.begin, end - ct.begin));
                c.formula = unescape_xml(text.substr(ct.finish, content_end - ct.finish));
            } else if (name == "v") {
                c.has_value = true;
                c.value = unescape_xml(text.substr(ct.finish, content_end - ct.finish));
            } else if (name == "is") {
                c.has_value = true;
                c.value = inline_string_text(text, ct.finish, content_end);
            } else {
                c.other_children += text.substr(ct.begin, end - ct.begin);
            }
            inner = XmlScanner(text, end, pc.end);
        }
        scan = XmlScanner(text, pc.end, to);
        cells.push_back(std::move(pc));
    }
    return cells;
}

std::vector<Cell> Worksheet::row_cells(std::uint32_t row) const {
    std::map<std::uint32_t, Cell> merged;
    if (auto it = row_index_.find(row); it != row_index_.end()) {
        const RowSpan& span = rows_[it->second];
        if (!span.self_closing)
            for (auto& pc : parse_cells(part_, text_, span.open_end, span.end, row)) merged[pc.cell.ref.column] = std::move(pc.cell);
    }
    if (auto e = edits_.find(row); e != edits_.end())
        for (const auto& [col, c] : e->second) merged[col] = c;
    std::vector<Cell> out;
    out.reserve(merged.size());
    for (auto& [col, c] : merged) out.push_back(std::move(c));
    return out;
}

std::optional<Cell> Worksheet::cell(CellRef ref) const {
    if (auto e = edits_.find(ref.row); e != edits_.end())
        if (auto c = e->second.find(ref.column); c != e->second.end()) return c->second;
    for (auto& c : row_cells(ref.row))
        if (c.ref == ref) return c;
    return std::nullopt;
}

void Worksheet::put(const Cell& cell) { edits_[cell.ref.row][cell.ref.column] = cell; }

std::string Worksheet::render_row(const RowSpan* row, std::uint32_t number,
                                  const std::map<std::uint32_t, Cell>& edits) const {
    std::string qname = row_qname_.empty() ? prefix_ + "row" : row_qname_;
    if (!row) {
        std::string out = fmt::format("<{} r=\"{}\">", qname, number);
        for (const auto& [col, c] : edits) out += render_cell(c, prefix_);
        return out + close_tag(qname);
    }
    std::string open = text_.substr(row->begin, row->open_end - row->begin);
    if (row->self_closing) open.replace(open.size() - 2, 2, ">");
    if (!row->has_r) open.insert(1 + qname.size(), fmt::format(" r=\"{}\"", number));
    if (!edits.empty()) widen_spans(open, edits.begin()->first, edits.rbegin()->first);
    if (edits.empty() && !row->self_closing) return open + text_.substr(row->open_end, row->end - row->open_end);
    if (edits.empty()) return open + close_tag(qname);
    std::string out = open;
    std::size_t content_end = row->self_closing ? row->open_end : row->end - qname.size() - 3;
    auto cells = row->self_closing ? std::vector<ParsedCell>{}
                                   : parse_cells(part_, text_, row->open_end, content_end, number);
    auto next_edit = edits.begin();
    std::size_t cursor = row->open_end;
    for (const auto& pc : cells) {
        out.append(text_, cursor, pc.begin - cursor);  // whitespace between cells
        cursor = pc.end;
        while (next_edit != edits.end() && next_edit->first < pc.cell.ref.column) out += render_cell((next_edit++)->second, prefix_);
        if (next_edit != edits.end() && next_edit->first == pc.cell.ref.column) {
            out += render_cell((next_edit++)->second, prefix_);
            continue;
        }
        std::string raw = text_.substr(pc.begin, pc.end - pc.begin);
        if (!pc.has_r) raw.insert(raw.find('c') + 1, fmt::format(" r=\"{}\"", format_cell_ref(pc.cell.ref)));
        out += raw;
    }
    while (next_edit != edits.end()) out += render_cell((next_edit++)->second, prefix_);
    if (!row->self_closing) out.append(text_, cursor, content_end - cursor);  // trailing extLst or whitespace
    return out + close_tag(qname);
}

void Worksheet::ensure_frame() {
    if (frame_parsed_) return;
    parse_xml(part_, head_ + std::string(kPlaceholder) + tail_, frame_);
    frame_parsed_ = true;
}

pugi::xml_node Worksheet::frame_root(bool for_reading) {
    ensure_frame();
    frame_dirty_ = frame_dirty_ || !for_reading;
    return frame_.document_element();
}

void Worksheet::widen_dimension() {
    if (edits_.empty()) return;
    std::uint32_t max_row = edits_.rbegin()->first, min_row = edits_.begin()->first;
    std::uint32_t min_col = kMaxColumn, max_col = 1;
    for (const auto& [r, cells] : edits_) {
        min_col = std::min(min_col, cells.begin()->first);
        max_col = std::max(max_col, cells.rbegin()->first);
    }
    std::size_t at = head_.find("dimension");
    if (at == std::string::npos) return;
    ensure_frame();
    pugi::xml_node dim = child_local(frame_.document_element(), "dimension");
    if (!dim) return;
    std::string ref = dim.attribute("ref").value();
    std::size_t colon = ref.find(':');
    auto first = parse_cell_ref(ref.substr(0, colon));
    auto last = colon == std::string::npos ? first : parse_cell_ref(ref.substr(colon + 1));
    if (!first || !last) return;
    CellRef lo{std::min(first->row, min_row), std::min(first->column, min_col)};
    CellRef hi{std::max(last->row, max_row), std::max(last->column, max_col)};
    if (lo == *first && hi == *last) return;
    dim.attribute("ref").set_value(format_range(lo, hi).c_str());
    frame_dirty_ = true;
}

std::string Worksheet::serialize() {
    widen_dimension();
    std::string head = head_, tail = tail_;
    if (frame_dirty_) {
        std::string frame = serialize_xml(frame_);
        std::size_t at = frame.find(kPlaceholder);
        head = frame.substr(0, at);
        tail = frame.substr(at + kPlaceholder.size());
        if (head.ends_with("/>")) throw Error(part_, "internal error: sheetData placeholder lost");
    }
    std::string out;
    out.reserve(head.size() + (data_end_ - data_begin_) + tail.size() + 4096);
    out += head;
    std::size_t cursor = data_begin_;
    auto new_row = edits_.begin();
    static const std::map<std::uint32_t, Cell> no_edits;
    auto emit_new_rows_before = [&](std::uint32_t limit) {
        for (; new_row != edits_.end() && new_row->first < limit; ++new_row)
            if (!row_index_.count(new_row->first)) out += render_row(nullptr, new_row->first, new_row->second);
    };
    for (const RowSpan& row : rows_) {
        out.append(text_, cursor, row.begin - cursor);
        cursor = row.end;
        emit_new_rows_before(row.number);
        auto e = edits_.find(row.number);
        if (e == edits_.end() && row.has_r) out.append(text_, row.begin, row.end - row.begin);
        else out += render_row(&row, row.number, e == edits_.end() ? no_edits : e->second);
    }
    emit_new_rows_before(kMaxRow + 1);
    out.append(text_, cursor, data_end_ - cursor);
    out += tail;
    return out;
}

}  // namespace xlsx
