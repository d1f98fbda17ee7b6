#pragma once
// Timing and reporting for the benchmark: samples of one measured operation (ms), their median
// and 95th percentile, and the table printed at the end. Benchmarks print; they never fail on a
// time.
#include <chrono>
#include <string>
#include <vector>

namespace inkspan::bench {

class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    [[nodiscard]] double ms() const {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_;
};

// CPU time of this thread, in ms: on a machine shared with other builds the wall clock measures
// them too; this does not.
[[nodiscard]] double cpu_ms();

struct Samples {
    std::vector<double> ms;
    void add(double v) { ms.push_back(v); }
    [[nodiscard]] double median() const;
    [[nodiscard]] double p95() const;
    [[nodiscard]] double mean() const;
};

// Runs `fn` `runs` times and collects the duration of each call.
template <typename Fn>
Samples measure(int runs, Fn&& fn) {
    Samples s;
    for (int i = 0; i < runs; ++i) {
        Stopwatch w;
        fn();
        s.add(w.ms());
    }
    return s;
}

struct Row {
    std::string section;  // a heading line is printed when it changes
    std::string name;
    Samples samples;
    std::string note;     // sizes, ratios, targets
};

class Report {
public:
    void section(std::string title) { section_ = std::move(title); }
    void add(std::string name, Samples samples, std::string note = {});
    // A line without timings (a ratio, a size, a count).
    void info(std::string name, std::string note);
    void print() const;
    [[nodiscard]] const Row* find(const std::string& name) const;

private:
    std::string section_;
    std::vector<Row> rows_;
};

// "1.23 MB", "456 KB", "789 B"
[[nodiscard]] std::string human_bytes(double bytes);
// printf into a std::string
[[nodiscard]] std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace inkspan::bench
