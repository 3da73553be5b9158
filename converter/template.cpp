#include "converter/template.hpp"

#include "xlsx/xml.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace converter {
namespace {

struct Renderer {
    const std::string& name;
    std::string_view text;
    const Escaper& escape;
    std::vector<const TemplateData*> stack;

    const std::string* find_text(const std::string& key) const {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (auto f = (*it)->text.find(key); f != (*it)->text.end()) return &f->second;
        return nullptr;
    }
    // A section's items: a list, or one item for a true flag / non-empty text.
    std::vector<const TemplateData*> items(const std::string& key, const TemplateData& self) const {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
            if (auto l = (*it)->lists.find(key); l != (*it)->lists.end()) {
                std::vector<const TemplateData*> out;
                for (const TemplateData& d : l->second) out.push_back(&d);
                return out;
            }
            if (auto f = (*it)->flags.find(key); f != (*it)->flags.end())
                return f->second ? std::vector<const TemplateData*>{&self} : std::vector<const TemplateData*>{};
            if (auto t = (*it)->text.find(key); t != (*it)->text.end())
                return t->second.empty() ? std::vector<const TemplateData*>{} : std::vector<const TemplateData*>{&self};
        }
        return {};
    }

    // Renders text[from, to) and returns it.
    std::string render(std::size_t from, std::size_t to) {
        std::string out;
        std::size_t pos = from;
        while (pos < to) {
            std::size_t open = text.find("{{", pos);
            if (open == std::string_view::npos || open >= to) {
                out.append(text.substr(pos, to - pos));
                break;
            }
            out.append(text.substr(pos, open - pos));
            bool raw = text.substr(open, 3) == "{{{";
            std::size_t close = text.find(raw ? "}}}" : "}}", open);
            if (close == std::string_view::npos || close >= to) throw std::runtime_error(fmt::format("template {}: unclosed {{{{", name));
            std::string tag(text.substr(open + (raw ? 3 : 2), close - open - (raw ? 3 : 2)));
            pos = close + (raw ? 3 : 2);
            if (!raw && !tag.empty() && (tag[0] == '#' || tag[0] == '^')) {
                std::string key = tag.substr(1);
                std::string end_tag = "{{/" + key + "}}";
                std::size_t end = find_section_end(pos, to, key);
                if (end == std::string_view::npos)
                    throw std::runtime_error(fmt::format("template {}: {{{{{}}}}} is not closed", name, tag));
                auto list = items(key, *stack.back());
                if (tag[0] == '#') {
                    for (const TemplateData* item : list) {
                        stack.push_back(item);
                        out += render(pos, end);
                        stack.pop_back();
                    }
                } else if (list.empty()) {
                    out += render(pos, end);
                }
                pos = end + end_tag.size();
            } else if (const std::string* v = find_text(tag)) {
                out += raw ? *v : escape(*v);
            }
        }
        return out;
    }

    std::size_t find_section_end(std::size_t from, std::size_t to, const std::string& key) const {
        int depth = 1;
        std::size_t pos = from;
        while (pos < to) {
            std::size_t open = text.find("{{", pos);
            if (open == std::string_view::npos || open >= to) return std::string_view::npos;
            std::size_t close = text.find("}}", open);
            if (close == std::string_view::npos) return std::string_view::npos;
            std::string_view tag = text.substr(open + 2, close - open - 2);
            if ((tag.starts_with("#") || tag.starts_with("^")) && tag.substr(1) == key) ++depth;
            else if (tag.starts_with("/") && tag.substr(1) == key && --depth == 0) return open;
            pos = close + 2;
        }
        return std::string_view::npos;
    }
};

}  // namespace

std::string render_template(const std::string& template_name, std::string_view text, const TemplateData& data,
                            const Escaper& escape) {
    Renderer r{template_name, text, escape, {&data}};
    return r.render(0, text.size());
}

std::map<std::string, std::string> read_phrases(std::string_view text) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        out[std::string(line.substr(0, colon))] = std::string(value);
    }
    return out;
}

std::string fill_phrase(std::string_view phrase, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t pos = 0;
    while (pos < phrase.size()) {
        std::size_t open = phrase.find('{', pos);
        std::size_t close = open == std::string_view::npos ? open : phrase.find('}', open);
        if (close == std::string_view::npos) {
            out.append(phrase.substr(pos));
            break;
        }
        out.append(phrase.substr(pos, open - pos));
        auto it = values.find(std::string(phrase.substr(open + 1, close - open - 1)));
        out += it != values.end() ? it->second : std::string(phrase.substr(open, close - open + 1));
        pos = close + 1;
    }
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    for (char c : xlsx::escape_xml(text)) {
        if (c == '\'') out += "&#39;";
        else out.push_back(c);
    }
    return out;
}

std::string escape_markdown(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) out.push_back('\\');
        if (c == '\n' || c == '\r') { out.push_back(' '); continue; }
        out.push_back(c);
    }
    return out;
}

}  // namespace converter
