#include "timing.h"

#include <time.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace inkspan::bench {
namespace {

// Milliseconds with the precision they deserve: 1032.3, 14.09, 0.060, 0.0004.
std::string ms_text(double v) {
    if (v >= 100) return format("%.1f", v);
    if (v >= 1) return format("%.2f", v);
    if (v >= 0.01) return format("%.3f", v);
    return format("%.4f", v);
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

}  // namespace

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double Samples::median() const { return percentile(ms, 0.5); }
double Samples::p95() const { return percentile(ms, 0.95); }

double Samples::mean() const {
    double sum = 0;
    for (double v : ms) sum += v;
    return ms.empty() ? 0.0 : sum / static_cast<double>(ms.size());
}

void Report::add(std::string name, Samples samples, std::string note) {
    rows_.push_back({section_, std::move(name), std::move(samples), std::move(note)});
}

void Report::info(std::string name, std::string note) {
    rows_.push_back({section_, std::move(name), {}, std::move(note)});
}

const Row* Report::find(const std::string& name) const {
    for (const Row& r : rows_)
        if (r.name == name) return &r;
    return nullptr;
}

void Report::print() const {
    std::printf("\n%-52s %10s %10s %5s  %s\n", "benchmark", "median ms", "p95 ms", "n", "notes");
    std::printf("%s\n", std::string(120, '-').c_str());
    std::string section;
    for (const Row& r : rows_) {
        if (r.section != section) {
            section = r.section;
            std::printf("[%s]\n", section.c_str());
        }
        if (r.samples.ms.empty())
            std::printf("  %-50s %10s %10s %5s  %s\n", r.name.c_str(), "", "", "", r.note.c_str());
        else
            std::printf("  %-50s %10s %10s %5zu  %s\n", r.name.c_str(), ms_text(r.samples.median()).c_str(),
                        ms_text(r.samples.p95()).c_str(), r.samples.ms.size(), r.note.c_str());
    }
    std::fflush(stdout);
}

std::string human_bytes(double bytes) {
    if (bytes >= 1e6) return format("%.2f MB", bytes / 1e6);
    if (bytes >= 1e3) return format("%.1f KB", bytes / 1e3);
    return format("%.0f B", bytes);
}

std::string format(const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

}  // namespace inkspan::bench
