#include "converter/chart.hpp"

#include "converter/template.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>

namespace converter {
namespace {

constexpr int kLeft = 56, kRight = 12, kTop = 26, kBottom = 30;

struct Scale {
    double max = 1;
    int width, height;
    std::size_t points;
    double x(std::size_t i) const {
        double span = width - kLeft - kRight;
        return kLeft + (points > 1 ? span * static_cast<double>(i) / static_cast<double>(points - 1) : span / 2);
    }
    double y(double v) const { return kTop + (height - kTop - kBottom) * (1 - v / max); }
};

Scale scale_of(const Chart& c, int width, int height) {
    double max = 0;
    for (const auto& l : c.lines)
        for (const auto& v : l.values)
            if (v) max = std::max(max, *v);
    if (max <= 0) max = 1;
    double step = std::pow(10, std::floor(std::log10(max)));  // a round top for the axis
    max = std::ceil(max / step * 2) * step / 2;
    return {max, width, height, c.x_labels.size()};
}

std::string dash_attribute(ChartLine::Dash d) {
    switch (d) {
        case ChartLine::Dash::dashed: return " stroke-dasharray=\"8 5\"";
        case ChartLine::Dash::dotted: return " stroke-dasharray=\"2 4\"";
        default: return "";
    }
}

// PNG building blocks.
void put32(std::string& s, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void chunk(std::string& png, const char* type, const std::string& data) {
    put32(png, static_cast<std::uint32_t>(data.size()));
    std::string body = std::string(type, 4) + data;
    png += body;
    put32(png, static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

struct Canvas {
    int w, h;
    std::vector<unsigned char> rgb;
    Canvas(int width, int height) : w(width), h(height), rgb(static_cast<std::size_t>(width * height * 3), 255) {}
    void dot(double x, double y, int radius, unsigned colour) {
        for (int dy = -radius; dy <= radius; ++dy)
            for (int dx = -radius; dx <= radius; ++dx) {
                int px = static_cast<int>(std::lround(x)) + dx, py = static_cast<int>(std::lround(y)) + dy;
                if (px < 0 || py < 0 || px >= w || py >= h || dx * dx + dy * dy > radius * radius + 1) continue;
                unsigned char* p = &rgb[static_cast<std::size_t>((py * w + px) * 3)];
                p[0] = static_cast<unsigned char>(colour >> 16);
                p[1] = static_cast<unsigned char>(colour >> 8);
                p[2] = static_cast<unsigned char>(colour);
            }
    }
    // A line drawn as dots along its length; `dash` gives on/off lengths in pixels.
    void line(double x0, double y0, double x1, double y1, int radius, unsigned colour, double on, double off,
              double& phase) {
        double length = std::hypot(x1 - x0, y1 - y0);
        for (double t = 0; t <= length; t += 0.5) {
            double cycle = on + off;
            bool ink = off <= 0 || std::fmod(phase + t, cycle) < on;
            if (ink) dot(x0 + (x1 - x0) * t / std::max(length, 1e-9), y0 + (y1 - y0) * t / std::max(length, 1e-9), radius, colour);
        }
        phase += length;
    }
};

unsigned parse_colour(const std::string& hex) {
    return hex.size() == 7 ? static_cast<unsigned>(std::stoul(hex.substr(1), nullptr, 16)) : 0x333333u;
}

}  // namespace

std::string chart_svg(const Chart& c, int width, int height) {
    Scale s = scale_of(c, width, height);
    std::string out = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" aria-label="{2}">)",
                                  width, height, escape_html(c.title));
    out += fmt::format(R"(<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>)", width, height);
    for (int i = 0; i <= 4; ++i) {
        double v = s.max * i / 4, y = s.y(v);
        out += fmt::format(R"(<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" stroke="#dddddd"/>)", kLeft, y, width - kRight, y);
        out += fmt::format(R"(<text x="{}" y="{:.1f}" font-size="10" text-anchor="end" fill="#333">{}</text>)", kLeft - 4,
                           y + 3, escape_html(fmt::format("{:g}", v)));
    }
    for (std::size_t i = 0; i < c.x_labels.size(); ++i)
        out += fmt::format(R"(<text x="{:.1f}" y="{}" font-size="10" text-anchor="middle" fill="#333">{}</text>)", s.x(i),
                           height - kBottom + 14, escape_html(c.x_labels[i]));
    double legend_x = kLeft;
    for (const ChartLine& l : c.lines) {
        std::string points;
        for (std::size_t i = 0; i < l.values.size() && i < c.x_labels.size(); ++i)
            if (l.values[i]) points += fmt::format("{:.1f},{:.1f} ", s.x(i), s.y(*l.values[i]));
        out += fmt::format(R"(<polyline fill="none" stroke="{}" stroke-width="2.5"{} points="{}"/>)", escape_html(l.colour),
                           dash_attribute(l.dash), points);
        if (l.dash == ChartLine::Dash::solid)  // markers: a single period still shows
            for (std::size_t i = 0; i < l.values.size() && i < c.x_labels.size(); ++i)
                if (l.values[i])
                    out += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3.5" fill="{}"/>)", s.x(i), s.y(*l.values[i]),
                                       escape_html(l.colour));
        out += fmt::format(R"(<line x1="{0:.1f}" y1="12" x2="{1:.1f}" y2="12" stroke="{2}" stroke-width="2.5"{3}/>)"
                           R"(<text x="{4:.1f}" y="16" font-size="11" fill="#111">{5}</text>)",
                           legend_x, legend_x + 24, escape_html(l.colour), dash_attribute(l.dash), legend_x + 28,
                           escape_html(l.label));
        legend_x += 40 + 6.2 * static_cast<double>(l.label.size());
    }
    return out + "</svg>";
}

std::string chart_png(const Chart& c, int width, int height) {
    Scale s = scale_of(c, width, height);
    Canvas canvas(width, height);
    for (int i = 0; i <= 4; ++i) {
        double phase = 0, y = s.y(s.max * i / 4);
        canvas.line(kLeft, y, width - kRight, y, 0, 0xDDDDDD, 1, 0, phase);
    }
    for (const ChartLine& l : c.lines) {
        double on = l.dash == ChartLine::Dash::dashed ? 8 : 2, off = l.dash == ChartLine::Dash::solid ? 0 : (l.dash == ChartLine::Dash::dashed ? 5 : 4);
        double phase = 0;
        bool have_previous = false;
        double px = 0, py = 0;
        for (std::size_t i = 0; i < l.values.size() && i < c.x_labels.size(); ++i) {
            if (!l.values[i]) { have_previous = false; continue; }
            double x = s.x(i), y = s.y(*l.values[i]);
            int radius = l.dash == ChartLine::Dash::solid ? 2 : 1;
            if (have_previous) canvas.line(px, py, x, y, radius, parse_colour(l.colour), on, off, phase);
            if (l.dash == ChartLine::Dash::solid) canvas.dot(x, y, 4, parse_colour(l.colour));
            have_previous = true;
            px = x;
            py = y;
        }
    }
    std::string raw;
    for (int y = 0; y < height; ++y) {
        raw.push_back('\0');  // filter: none
        raw.append(reinterpret_cast<const char*>(&canvas.rgb[static_cast<std::size_t>(y * width * 3)]),
                   static_cast<std::size_t>(width * 3));
    }
    std::string packed(compressBound(static_cast<uLong>(raw.size())), '\0');
    uLongf len = static_cast<uLongf>(packed.size());
    compress2(reinterpret_cast<Bytef*>(packed.data()), &len, reinterpret_cast<const Bytef*>(raw.data()),
              static_cast<uLong>(raw.size()), 9);
    packed.resize(len);
    std::string png("\x89PNG\r\n\x1a\n", 8), header;
    put32(header, static_cast<std::uint32_t>(width));
    put32(header, static_cast<std::uint32_t>(height));
    header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", packed);
    chunk(png, "IEND", "");
    return png;
}

}  // namespace converter
