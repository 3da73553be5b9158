#pragma once
// A small template language for report files kept in templates/ (so wording
// and layout are edited there, not in C++):
//   {{name}}            the value, escaped for the output format
//   {{{name}}}          the value as it is (for pre-rendered markup such as SVG)
//   {{#name}}…{{/name}} a list: the inside once per item; a flag: once if true
//   {{^name}}…{{/name}} the inside once if the list is empty or the flag false
// Names are looked up from the innermost list item outwards. An unknown name
// renders as nothing; an unclosed section is an error naming the template.
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace converter {

struct TemplateData {
    std::map<std::string, std::string> text;
    std::map<std::string, bool> flags;
    std::map<std::string, std::vector<TemplateData>> lists;
};

using Escaper = std::function<std::string(std::string_view)>;

// Throws std::runtime_error naming `template_name` for a malformed template.
std::string render_template(const std::string& template_name, std::string_view text, const TemplateData& data,
                            const Escaper& escape);

// "key: text" lines ('#' starts a comment), for sentence wording.
std::map<std::string, std::string> read_phrases(std::string_view text);
// Replaces {name} in `phrase` by values[name]; unknown names are left as they are.
std::string fill_phrase(std::string_view phrase, const std::map<std::string, std::string>& values);

std::string escape_html(std::string_view text);
std::string escape_markdown(std::string_view text);

}  // namespace converter
