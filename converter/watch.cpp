#include "converter/watch.hpp"

#include "converter/json.hpp"
#include "converter/refresh.hpp"
#include "xlsx/workbook.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace converter {
namespace {

namespace fs = std::filesystem;
constexpr const char* kMemoryFile = ".scorecard-watch-processed.tsv";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Flushes a folder's entries (a rename is durable only once its folder is).
void sync_folder(const std::string& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Moves a file into `folder`, replacing a file of the same name; across
// file systems by a synced copy first.
void move_into(const std::string& from, const std::string& folder) {
    std::string to = (fs::path(folder) / fs::path(from).filename()).string();
    if (std::rename(from.c_str(), to.c_str()) != 0) {
        if (errno != EXDEV) throw std::runtime_error(fmt::format("cannot move {} to {}: {}", from, folder, std::strerror(errno)));
        xlsx::copy_file_atomically(from, to);
        fs::remove(from);
    }
    sync_folder(folder);
    sync_folder(fs::path(from).parent_path().string());
}

bool is_our_temporary(const std::string& name) {
    // write_file_atomically's pattern: ".NAME.tmp-XXXXXX"
    std::size_t at = name.rfind(".tmp-");
    return !name.empty() && name[0] == '.' && at != std::string::npos && name.size() - at == 11;
}

class InotifyEvents : public FolderEvents {
public:
    explicit InotifyEvents(int fd) : fd_(fd) {}
    ~InotifyEvents() override { ::close(fd_); }
    void wait(std::chrono::milliseconds timeout) override {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(timeout.count())) > 0) {
            alignas(inotify_event) char buffer[16384];
            while (::read(fd_, buffer, sizeof buffer) > 0) {}  // drained: the loop rescans the folder
        }
    }

private:
    int fd_;
};

class PollingEvents : public FolderEvents {
public:
    explicit PollingEvents(std::chrono::milliseconds interval) : interval_(interval) {}
    void wait(std::chrono::milliseconds timeout) override {
        ::poll(nullptr, 0, static_cast<int>(std::min(timeout, interval_).count()));  // a signal cuts it short
    }

private:
    std::chrono::milliseconds interval_;
};

class SystemClock : public Clock {
public:
    std::chrono::steady_clock::time_point now() override { return std::chrono::steady_clock::now(); }
    std::string timestamp() override {
        timespec ts{};
        clock_gettime(CLOCK_REALTIME, &ts);
        std::tm tm{};
        gmtime_r(&ts.tv_sec, &tm);
        char text[32];
        std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
        return fmt::format("{}.{:03d}Z", text, ts.tv_nsec / 1000000);
    }
};

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_signal(int) { g_stop = 1; }

}  // namespace

std::unique_ptr<FolderEvents> make_inotify_events(const std::string& folder) {
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return nullptr;
    if (inotify_add_watch(fd, folder.c_str(),
                          IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM) < 0) {
        ::close(fd);
        return nullptr;
    }
    return std::make_unique<InotifyEvents>(fd);
}

std::unique_ptr<FolderEvents> make_polling_events(std::chrono::milliseconds interval) {
    return std::make_unique<PollingEvents>(interval);
}

std::unique_ptr<Clock> make_system_clock() { return std::make_unique<SystemClock>(); }

InboxFile classify_inbox_name(const std::string& name) {
    std::string l = lower(name);
    if (l.empty() || l[0] == '.' || l.starts_with("~$") || l.ends_with("~") || l.ends_with(".tmp") ||
        l.ends_with(".part") || l.ends_with(".crdownload") || l.ends_with("#"))
        return InboxFile::lock_or_temporary;  // hidden files, Excel (~$) and LibreOffice (.~lock.…#) locks, copies in progress
    if (l.ends_with(".xlsx") || l.ends_with(".xlsm")) return InboxFile::workbook;
    return InboxFile::other_type;
}

FolderWatch::FolderWatch(WatchOptions options, FolderEvents& events, Clock& clock, std::ostream& log,
                         std::ostream& human)
    : options_(std::move(options)), events_(events), clock_(clock), log_(log), human_(human) {
    if (!options_.failed_dir) options_.failed_dir = (fs::path(options_.out_dir) / "failed").string();
}

void FolderWatch::event(const std::string& name, const std::string& action, const std::string& result,
                        const std::string& extra) {
    JsonWriter j;
    j.begin_object().key("time").value(clock_.timestamp()).key("file").value(name).key("action").value(action);
    j.key("result").value(result).end_object();
    std::string line = j.str();
    if (!extra.empty()) line.insert(line.size() - 1, "," + extra);
    log_ << line << "\n";
    log_.flush();
}

void FolderWatch::recover() {
    std::error_code ec;
    for (const std::string* folder : {&options_.out_dir, &*options_.failed_dir})
        for (const auto& e : fs::directory_iterator(*folder, fs::directory_options::skip_permission_denied, ec))
            if (e.is_regular_file() && is_our_temporary(e.path().filename().string())) {
                fs::remove(e.path());
                event(e.path().filename().string(), "recovered", "removed a temporary file left by an interrupted run", "");
            }
    load_memory();
}

void FolderWatch::load_memory() {
    processed_.clear();
    if (options_.processed_dir) return;
    std::ifstream in(fs::path(options_.out_dir) / kMemoryFile);
    std::uint64_t size;
    std::int64_t mtime;
    std::string name;
    while (in >> size >> mtime && in.get() == '\t' && std::getline(in, name)) processed_[name] = {size, mtime};
}

bool FolderWatch::remembered(const std::string& name, const Seen& seen) const {
    auto it = processed_.find(name);
    return it != processed_.end() && it->second == std::make_pair(seen.size, seen.mtime_ns);
}

void FolderWatch::remember(const std::string& name, const Seen& seen) {
    processed_[name] = {seen.size, seen.mtime_ns};
    std::string text;
    for (const auto& [n, stamp] : processed_)
        if (n.find('\n') == std::string::npos) text += fmt::format("{}\t{}\t{}\n", stamp.first, stamp.second, n);
    xlsx::write_file_atomically((fs::path(options_.out_dir) / kMemoryFile).string(),
                                [&](std::FILE* f) { std::fwrite(text.data(), 1, text.size(), f); });
}

std::size_t FolderWatch::step() {
    auto now = clock_.now();
    std::vector<std::pair<std::string, Seen>> ready;
    std::map<std::string, Seen> present;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(options_.inbox, ec)) {
        std::string name = entry.path().filename().string();
        struct stat st{};
        if (::stat(entry.path().c_str(), &st) != 0) continue;
        InboxFile kind = classify_inbox_name(name);
        if (kind == InboxFile::lock_or_temporary) continue;
        if (!S_ISREG(st.st_mode) || kind == InboxFile::other_type) {
            if (reported_.insert(name).second)
                event(name, "ignored", S_ISDIR(st.st_mode) ? "a folder" : "not a workbook (.xlsx/.xlsm)", "");
            continue;
        }
        Seen seen{static_cast<std::uint64_t>(st.st_size),
                  static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, now};
        if (remembered(name, seen)) continue;
        auto it = candidates_.find(name);
        if (it == candidates_.end() || it->second.size != seen.size || it->second.mtime_ns != seen.mtime_ns) {
            // A file already settled when first seen (present at start-up) need not wait again.
            timespec wall{};
            clock_gettime(CLOCK_REALTIME, &wall);
            std::int64_t age_ns = static_cast<std::int64_t>(wall.tv_sec) * 1000000000 + wall.tv_nsec - seen.mtime_ns;
            if (it == candidates_.end() && age_ns >= std::chrono::nanoseconds(options_.settle).count())
                seen.stable_since = now - options_.settle;
            present[name] = seen;
        } else {
            present[name] = it->second;
        }
        if (now - present[name].stable_since >= options_.settle) ready.emplace_back(name, present[name]);
    }
    candidates_ = std::move(present);
    for (const auto& [name, seen] : ready) {
        if (g_stop) break;
        process(name, seen);
        candidates_.erase(name);
    }
    return candidates_.size();
}

void FolderWatch::process(const std::string& name, const Seen& seen) {
    std::string input = (fs::path(options_.inbox) / name).string();
    std::string output = (fs::path(options_.out_dir) / name).string();
    RefreshedFile r;
    try {
        r = refresh_file(input, output, options_.defaults);
        sync_folder(options_.out_dir);
    } catch (const std::exception& e) {
        fail(name, e.what());
        return;
    }
    struct stat st{};
    bool changed = ::stat(input.c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) != seen.size ||
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec != seen.mtime_ns;
    std::map<std::string, int> counts;
    for (const MeasureResult& m : r.analysis.measures) counts[m.status ? std::string(core::name_of(*m.status)) : "no status"]++;
    std::string summary;
    JsonWriter rag;
    rag.begin_object();
    for (const auto& [word, n] : counts) {
        rag.key(word).value(n);
        summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", n, word);
    }
    rag.end_object();
    std::size_t warnings = r.applied.warnings.size() + r.analysis.skipped.size() + r.analysis.warnings.size();
    for (const MeasureResult& m : r.analysis.measures) warnings += m.warnings.size();
    event(name, "refreshed", "ok",
          fmt::format("\"output\":{},\"measures\":{},\"rag\":{},\"warnings\":{}", json_escape(output),
                      r.analysis.measures.size(), rag.str(), warnings));
    human_ << fmt::format("{}: refreshed {} measures ({}){} -> {}\n", name, r.analysis.measures.size(), summary,
                          warnings ? fmt::format(", {} warnings", warnings) : "", output);
    if (changed) return;  // saved again meanwhile: the next round takes the new version
    try {
        if (options_.processed_dir) move_into(input, *options_.processed_dir);
        else remember(name, seen);
    } catch (const std::exception& e) {
        event(name, "keep", "error", fmt::format("\"error\":{}", json_escape(e.what())));
    }
}

void FolderWatch::fail(const std::string& name, const std::string& message) {
    std::string note = fmt::format(
        "Scorecard could not refresh {} ({}).\n\nWhat was wrong:\n  {}\n\nWhat to do: correct the workbook (the "
        "message names the sheet and cell where there is one), then drop it into the inbox again under the same "
        "name. The workbook itself is kept beside this note, unchanged.\n",
        name, clock_.timestamp(), message);
    try {
        xlsx::write_file_atomically((fs::path(*options_.failed_dir) / (name + ".error.txt")).string(),
                                    [&](std::FILE* f) { std::fwrite(note.data(), 1, note.size(), f); });
        move_into((fs::path(options_.inbox) / name).string(), *options_.failed_dir);
    } catch (const std::exception& e) {
        event(name, "failed", "error", fmt::format("\"error\":{}", json_escape(std::string(e.what()))));
    }
    event(name, "failed", "error", fmt::format("\"error\":{}", json_escape(message)));
    human_ << fmt::format("{}: FAILED: {} (moved to {})\n", name, message, *options_.failed_dir);
}

void request_watch_stop() { g_stop = 1; }

std::optional<std::chrono::milliseconds> parse_duration(const std::string& text) {
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    std::string unit = end ? std::string(end) : "";
    if (end == text.c_str() || value < 0 || value > 86400) return std::nullopt;
    if (unit.empty() || unit == "s") return std::chrono::milliseconds(static_cast<long>(value * 1000));
    if (unit == "ms") return std::chrono::milliseconds(static_cast<long>(value));
    if (unit == "m" || unit == "min") return std::chrono::milliseconds(static_cast<long>(value * 60000));
    return std::nullopt;
}

void FolderWatch::run() {
    recover();
    while (!g_stop) {
        std::size_t pending = step();
        if (options_.once && pending == 0) break;
        auto wait = options_.poll;
        if (pending) wait = std::min<std::chrono::milliseconds>(wait, std::chrono::milliseconds(50));
        events_.wait(wait);
    }
}

int watch_command(const WatchOptions& o, std::ostream& err) {
    std::error_code ec;
    if (!fs::is_directory(o.inbox, ec)) {
        err << "scorecard watch: the inbox " << o.inbox << " is not a folder\n";
        return 1;
    }
    WatchOptions options = o;
    if (!options.failed_dir) options.failed_dir = (fs::path(o.out_dir) / "failed").string();
    for (const std::optional<std::string>& dir : {std::optional(o.out_dir), options.failed_dir, o.processed_dir}) {
        if (!dir) continue;
        fs::create_directories(*dir, ec);
        if (!fs::is_directory(*dir) || fs::equivalent(*dir, o.inbox, ec)) {
            err << "scorecard watch: " << *dir << " must be a folder other than the inbox\n";
            return 2;
        }
    }
    std::ofstream log_file;
    std::ostream null_log(nullptr);
    if (o.log_file) log_file.open(*o.log_file, std::ios::app);
    std::unique_ptr<FolderEvents> events = o.force_poll ? nullptr : make_inotify_events(o.inbox);
    bool inotify = events != nullptr;
    if (!inotify) events = make_polling_events(o.poll);
    auto clock = make_system_clock();
    struct sigaction sa{};
    sa.sa_handler = on_signal;  // no SA_RESTART: a signal ends the wait at once
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    FolderWatch watch(options, *events, *clock, o.log_file ? static_cast<std::ostream&>(log_file) : null_log, err);
    err << fmt::format("watching {} ({}), refreshed workbooks go to {}\n", o.inbox,
                       inotify ? "inotify" : "polling", o.out_dir);
    watch.run();
    err << "stopped\n";
    return 0;
}

}  // namespace converter
