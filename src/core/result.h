#pragma once
// A value or an error that names the place and the reason; loaders and commands return these
// instead of throwing, so nothing half-applies and the UI can show the message as is.
#include <string>
#include <utility>
#include <variant>

namespace inkspan {

enum class ErrorKind {
    InvalidUtf8,    // bytes that are not UTF-8 (message names the byte offset)
    Malformed,      // not parseable as the claimed format (JSON syntax, bad line, ...)
    Unsupported,    // a wrong "format"/"version", or a feature the format reader does not take
    Invalid,        // parseable but wrong: offsets out of range, text mismatch, unknown ids/labels
    Refused,        // a valid request the model declines (duplicate span, label in use, ...)
    TooLarge,       // over a documented limit
    NotFound,       // an id that does not exist
    NeedsFile,      // an import that needs another file given with it (the message names it)
};

struct Error {
    ErrorKind kind;
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    [[nodiscard]] bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] T& value() { return std::get<0>(v_); }
    [[nodiscard]] const T& value() const { return std::get<0>(v_); }
    [[nodiscard]] const Error& error() const { return std::get<1>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

private:
    std::variant<T, Error> v_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorKind kind, std::string message) { return Error{kind, std::move(message)}; }
// The kinds the model's checks give most (commands, schema).
inline Error invalid(std::string message) { return make_error(ErrorKind::Invalid, std::move(message)); }
inline Error refused(std::string message) { return make_error(ErrorKind::Refused, std::move(message)); }
inline Error not_found(std::string message) { return make_error(ErrorKind::NotFound, std::move(message)); }

}  // namespace inkspan
