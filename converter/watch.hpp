#pragma once
// The watched folder (`scorecard watch`): workbooks dropped into an inbox are
// refreshed into an output folder once they have settled; failures go to a
// failed folder with a note saying what was wrong.
//
// The disk, the clock and folder events sit behind small interfaces so that
// the loop can be tested without real waiting; `watch_command` wires the real
// ones (inotify, or polling where inotify is not available or not wanted).
#include "converter/evaluate.hpp"

#include <chrono>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace converter {

struct WatchOptions {
    std::string inbox, out_dir;
    std::optional<std::string> failed_dir, processed_dir, log_file;
    std::chrono::milliseconds settle{2000}, poll{5000};
    bool force_poll = false;
    bool once = false;
    Defaults defaults;
};

// Tells the loop when the inbox may have changed.
class FolderEvents {
public:
    virtual ~FolderEvents() = default;
    // Returns after something happened in the folder or after `timeout`.
    virtual void wait(std::chrono::milliseconds timeout) = 0;
};

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::steady_clock::time_point now() = 0;
    // Wall-clock time for the log, ISO 8601 in UTC.
    virtual std::string timestamp() = 0;
};

// Events from inotify; nullptr when inotify cannot watch `folder`.
std::unique_ptr<FolderEvents> make_inotify_events(const std::string& folder);
// No events: the loop rescans every `interval` (network shares).
std::unique_ptr<FolderEvents> make_polling_events(std::chrono::milliseconds interval);
std::unique_ptr<Clock> make_system_clock();

// What kind of file a name is, for the inbox.
enum class InboxFile { workbook, lock_or_temporary, other_type };
InboxFile classify_inbox_name(const std::string& name);

class FolderWatch {
public:
    // `log` receives one JSON line per event; `human` a short line per file.
    FolderWatch(WatchOptions options, FolderEvents& events, Clock& clock, std::ostream& log, std::ostream& human);

    // Removes temporary files a crash left in the output folder.
    void recover();
    // One round: scan the inbox, process every settled workbook. Returns the
    // number of workbooks still waiting to settle.
    std::size_t step();
    // Runs until request_watch_stop() (SIGINT/SIGTERM; checked between
    // files, so the current one is finished), or, with --once, until nothing
    // is left to do.
    void run();

private:
    struct Seen {
        std::uint64_t size = 0;
        std::int64_t mtime_ns = 0;
        std::chrono::steady_clock::time_point stable_since;
    };
    void process(const std::string& name, const Seen& seen);
    void fail(const std::string& name, const std::string& message);
    void remember(const std::string& name, const Seen& seen);
    bool remembered(const std::string& name, const Seen& seen) const;
    void load_memory();
    void event(const std::string& name, const std::string& action, const std::string& result, const std::string& extra);

    WatchOptions options_;
    FolderEvents& events_;
    Clock& clock_;
    std::ostream& log_;
    std::ostream& human_;
    std::map<std::string, Seen> candidates_;
    std::map<std::string, std::pair<std::uint64_t, std::int64_t>> processed_;  // without --processed-dir
    std::set<std::string> reported_;  // other files, reported once
};

// Asks a running FolderWatch to stop after the current file; safe in a signal handler.
void request_watch_stop();
// Parses "2s", "500ms", "1.5" (seconds); nullopt when malformed.
std::optional<std::chrono::milliseconds> parse_duration(const std::string& text);

// The command: sets up folders, signals and the real interfaces. Exit 0 on a
// clean stop, 1 when the folders cannot be used, 2 for wrong usage.
int watch_command(const WatchOptions& options, std::ostream& err);

}  // namespace converter
