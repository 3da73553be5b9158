#pragma once
// Errors raised by the xlsx layer. Every error says which part of the package
// (zip entry) it concerns, when there is one, so that callers can tell an officer
// exactly what is wrong with a file.
#include <stdexcept>
#include <string>

namespace xlsx {

class Error : public std::runtime_error {
public:
    // `part` is the zip entry name ("xl/worksheets/sheet1.xml") or empty when the
    // problem is with the file as a whole; `message` is plain words.
    Error(std::string part, const std::string& message)
        : std::runtime_error(part.empty() ? message : part + ": " + message), part_(std::move(part)) {}
    const std::string& part() const { return part_; }

private:
    std::string part_;
};

}  // namespace xlsx
