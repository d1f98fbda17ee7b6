#include "core/regex.h"

#include <algorithm>
#include <string>

#include "core/regex_syntax.h"
#include "core/unicode_case.h"
#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {

namespace regex_detail {

enum class Op : std::uint8_t { Char, Any, Class, Assert, Split, Jump, Match };

struct Inst {
    Op op = Op::Match;
    AssertKind assertion = AssertKind::LineStart;
    char32_t ch = 0;         // Char (already case-folded when the program is case-insensitive)
    std::uint32_t x = 0;     // Class: class index; Split/Jump: preferred target
    std::uint32_t y = 0;     // Split: the other target
};

struct Program {
    std::vector<Inst> code;
    std::vector<CharClass> classes;
    bool case_insensitive = false;
    // Code points a match can start with, when the pattern's first step is always a literal
    // (lets the search skip ahead); `any_start` when it is not known.
    std::vector<char32_t> first_chars;
    bool any_start = true;
};

}  // namespace regex_detail

namespace {

using namespace regex_detail;

// Instructions node `i` compiles to, saturated just above the limit.
std::size_t program_size(const Ast& ast, std::uint32_t i) {
    const Node& node = ast.nodes[i];
    constexpr std::size_t kCap = kMaxRegexProgram + 1;
    switch (node.kind) {
        case NodeKind::Empty: return 0;
        case NodeKind::Literal: case NodeKind::AnyChar: case NodeKind::Class: case NodeKind::Assert: return 1;
        case NodeKind::Concat:
        case NodeKind::Alternate: {
            std::size_t total = node.kind == NodeKind::Alternate ? 2 * (node.children.size() - 1) : 0;
            for (std::uint32_t child : node.children) total = std::min(kCap, total + program_size(ast, child));
            return total;
        }
        case NodeKind::Repeat: {
            const std::size_t s = program_size(ast, node.index);
            std::size_t total;
            if (node.max == kUnbounded) total = node.min == 0 ? s + 2 : node.min * s + 1;
            else total = node.min * s + (node.max - node.min) * (s + 1);
            return std::min(kCap, total);
        }
    }
    return kCap;
}

class Compiler {
public:
    Compiler(const Ast& ast, Program& program) : ast_(ast), prog_(program) {}

    void emit(std::uint32_t i) {
        const Node& node = ast_.nodes[i];
        switch (node.kind) {
            case NodeKind::Empty: return;
            case NodeKind::Literal:
                push({Op::Char, {}, prog_.case_insensitive ? simple_case_fold(node.ch) : node.ch, 0, 0});
                return;
            case NodeKind::AnyChar: push({Op::Any, {}, 0, 0, 0}); return;
            case NodeKind::Class: push({Op::Class, {}, 0, node.index, 0}); return;
            case NodeKind::Assert: push({Op::Assert, node.assertion, 0, 0, 0}); return;
            case NodeKind::Concat:
                for (std::uint32_t child : node.children) emit(child);
                return;
            case NodeKind::Alternate: {
                std::vector<std::uint32_t> jumps;
                for (std::size_t k = 0; k + 1 < node.children.size(); ++k) {
                    const std::uint32_t split = push({Op::Split, {}, 0, here() + 1, 0});
                    emit(node.children[k]);
                    jumps.push_back(push({Op::Jump, {}, 0, 0, 0}));
                    prog_.code[split].y = here();
                }
                emit(node.children.back());
                for (std::uint32_t j : jumps) prog_.code[j].x = here();
                return;
            }
            case NodeKind::Repeat: emit_repeat(node); return;
        }
    }

    std::uint32_t push(Inst inst) {
        prog_.code.push_back(inst);
        return here() - 1;
    }

private:
    std::uint32_t here() const { return static_cast<std::uint32_t>(prog_.code.size()); }

    // A split that prefers `body` when greedy and `exit` when lazy.
    void set_split(std::uint32_t split, std::uint32_t body, std::uint32_t exit, bool greedy) {
        prog_.code[split].x = greedy ? body : exit;
        prog_.code[split].y = greedy ? exit : body;
    }

    void emit_repeat(const Node& node) {
        if (node.max == kUnbounded) {
            if (node.min > 0) {  // x{n,}: n-1 copies, then x followed by a split back
                for (std::uint32_t k = 0; k + 1 < node.min; ++k) emit(node.index);
                const std::uint32_t body = here();
                emit(node.index);
                const std::uint32_t split = push({Op::Split, {}, 0, 0, 0});
                set_split(split, body, here(), node.greedy);
            } else {  // x*: split, x, jump back
                const std::uint32_t split = push({Op::Split, {}, 0, 0, 0});
                emit(node.index);
                push({Op::Jump, {}, 0, split, 0});
                set_split(split, split + 1, here(), node.greedy);
            }
            return;
        }
        for (std::uint32_t k = 0; k < node.min; ++k) emit(node.index);
        std::vector<std::uint32_t> splits;
        for (std::uint32_t k = node.min; k < node.max; ++k) {  // optional copies, all exiting to the end
            splits.push_back(push({Op::Split, {}, 0, 0, 0}));
            emit(node.index);
        }
        for (std::uint32_t split : splits) set_split(split, split + 1, here(), node.greedy);
    }

    const Ast& ast_;
    Program& prog_;
};

// Case-insensitive classes also hold the foldings of their members, and are tested on the folded
// input code point: fold(c) is in S ∪ fold(S) exactly when c matches some member of S ignoring case.
void add_case_foldings(CharClass& cls) {
    std::vector<char32_t> images;
    for (const auto& r : cls.ranges) append_fold_images(r.lo, r.hi, images);
    for (char32_t c : images) cls.ranges.push_back({c, c});
    normalize_ranges(cls.ranges);
}

void compute_first_chars(Program& prog) {
    std::vector<bool> seen(prog.code.size());
    std::vector<std::uint32_t> stack{0};
    prog.any_start = false;
    while (!stack.empty()) {
        const std::uint32_t pc = stack.back();
        stack.pop_back();
        if (seen[pc]) continue;
        seen[pc] = true;
        const Inst& inst = prog.code[pc];
        switch (inst.op) {
            case Op::Split: stack.push_back(inst.y); stack.push_back(inst.x); break;
            case Op::Jump: stack.push_back(inst.x); break;
            case Op::Assert: stack.push_back(pc + 1); break;
            case Op::Match: break;  // an empty match is never reported
            case Op::Char:
                if (std::find(prog.first_chars.begin(), prog.first_chars.end(), inst.ch) == prog.first_chars.end())
                    prog.first_chars.push_back(inst.ch);
                break;
            case Op::Any: case Op::Class: prog.any_start = true; break;
        }
    }
    if (prog.first_chars.size() > 4) prog.any_start = true;
}

bool assertion_holds(AssertKind kind, char32_t prev, char32_t next) {
    const bool crlf_middle = prev == U'\r' && next == U'\n';
    const bool word_before = prev != kNoCodePoint && is_word_char(prev);
    const bool word_after = next != kNoCodePoint && is_word_char(next);
    switch (kind) {
        case AssertKind::LineStart: return prev == kNoCodePoint || (is_line_break(prev) && !crlf_middle);
        case AssertKind::LineEnd: return next == kNoCodePoint || (is_line_break(next) && !crlf_middle);
        case AssertKind::TextStart: return prev == kNoCodePoint;
        case AssertKind::TextEnd: return next == kNoCodePoint;
        case AssertKind::WordBoundary: return word_before != word_after;
        case AssertKind::NotWordBoundary: return word_before == word_after;
        case AssertKind::NotInsideWord: return !(word_before && word_after);
    }
    return false;
}

bool class_matches(const CharClass& cls, char32_t c, char32_t folded) {
    bool in = unicode_tables::in_ranges(cls.ranges.data(), cls.ranges.size(), folded) ||
              (cls.digit && is_digit(c)) || (cls.not_digit && !is_digit(c)) ||
              (cls.word && is_word_char(c)) || (cls.not_word && !is_word_char(c)) ||
              (cls.space && is_space(c)) || (cls.not_space && !is_space(c));
    return in != cls.negated;
}

// The Pike VM: every thread advances in lockstep over the text, at most one per instruction, in
// priority order; so the work per code point is bounded by the program size.
class Matcher {
public:
    Matcher(const Program& prog, std::uint64_t& budget)
        : prog_(prog), budget_(budget), current_(prog.code.size()), next_(prog.code.size()) {}

    std::optional<TextRange> find(std::string_view text, std::size_t from, std::size_t from_cp) {
        text_ = text;
        byte_ = from;
        cp_ = from_cp;
        prev_ = kNoCodePoint;
        if (from > 0) {
            std::size_t b = from - 1;
            while (b > 0 && is_utf8_continuation(static_cast<unsigned char>(text[b]))) --b;
            prev_ = decode_utf8(text, b);
        }
        cur_ = peek(byte_, cur_len_);
        current_.clear();
        next_.clear();
        bool matched = false;
        TextRange best;
        for (;;) {
            if (!matched) {
                if (current_.empty() && !prog_.any_start && cur_ != kNoCodePoint) {
                    current_.clear();  // forget instructions visited at this position
                    skip_to_first_char();
                }
                add_thread(current_, 0, Thread{0, byte_, cp_}, prev_, cur_);
            }
            if (current_.empty() && (matched || cur_ == kNoCodePoint)) break;
            std::size_t next_len = 0;
            const char32_t next = cur_ == kNoCodePoint ? kNoCodePoint : peek(byte_ + cur_len_, next_len);
            const char32_t folded = prog_.case_insensitive ? simple_case_fold(cur_) : cur_;
            for (const Thread& t : current_.threads) {
                if (budget_ == 0) return std::nullopt;
                --budget_;
                const Inst& inst = prog_.code[t.pc];
                bool advance = false;
                switch (inst.op) {
                    case Op::Match:
                        if (t.byte == byte_) break;  // empty: keep looking for a longer one
                        matched = true;
                        best = TextRange{t.byte, byte_, t.cp, cp_};
                        goto step_done;  // threads of lower priority lose
                    case Op::Char: advance = cur_ != kNoCodePoint && folded == inst.ch; break;
                    case Op::Any: advance = cur_ != kNoCodePoint && cur_ != U'\n' && cur_ != U'\r'; break;
                    case Op::Class:
                        advance = cur_ != kNoCodePoint && class_matches(prog_.classes[inst.x], cur_, folded);
                        break;
                    default: break;
                }
                if (advance) add_thread(next_, t.pc + 1, t, cur_, next);
            }
        step_done:
            if (cur_ == kNoCodePoint) break;
            prev_ = cur_;
            cur_ = next;
            byte_ += cur_len_;
            cur_len_ = next_len;
            ++cp_;
            std::swap(current_, next_);
            next_.clear();
        }
        if (!matched) return std::nullopt;
        return best;
    }

private:
    struct Thread {
        std::uint32_t pc;
        std::size_t byte, cp;  // where the thread's match started
    };

    // Threads of one step, in priority order, plus a sparse set of the instructions already visited.
    struct ThreadList {
        explicit ThreadList(std::size_t n) : sparse(n), dense(n) {}
        bool contains(std::uint32_t pc) const { return sparse[pc] < size && dense[sparse[pc]] == pc; }
        void insert(std::uint32_t pc) {
            sparse[pc] = static_cast<std::uint32_t>(size);
            dense[size++] = pc;
        }
        void clear() { size = 0; threads.clear(); }
        bool empty() const { return threads.empty(); }
        std::vector<std::uint32_t> sparse, dense;
        std::size_t size = 0;
        std::vector<Thread> threads;  // those waiting on a code point or at Match
    };

    char32_t peek(std::size_t at, std::size_t& len) const { return peek_utf8(text_, at, len); }

    // Follows jumps, splits and assertions from `pc` (depth first, preferred branch first, with an
    // explicit stack so that a 10,000-instruction program cannot overflow the call stack).
    void add_thread(ThreadList& list, std::uint32_t pc, Thread from, char32_t prev, char32_t next) {
        stack_.clear();
        stack_.push_back(pc);
        while (!stack_.empty()) {
            const std::uint32_t at = stack_.back();
            stack_.pop_back();
            if (list.contains(at)) continue;
            list.insert(at);
            if (budget_ > 0) --budget_;
            const Inst& inst = prog_.code[at];
            switch (inst.op) {
                case Op::Jump: stack_.push_back(inst.x); break;
                case Op::Split: stack_.push_back(inst.y); stack_.push_back(inst.x); break;
                case Op::Assert:
                    if (assertion_holds(inst.assertion, prev, next)) stack_.push_back(at + 1);
                    break;
                default: list.threads.push_back(Thread{at, from.byte, from.cp});
            }
        }
    }

    // No thread alive and no match yet: move to the next code point that can start a match.
    void skip_to_first_char() {
        while (cur_ != kNoCodePoint) {
            const char32_t folded = prog_.case_insensitive ? simple_case_fold(cur_) : cur_;
            const auto& first = prog_.first_chars;
            if (std::find(first.begin(), first.end(), folded) != first.end()) return;
            prev_ = cur_;
            byte_ += cur_len_;
            ++cp_;
            cur_ = peek(byte_, cur_len_);
        }
    }

    const Program& prog_;
    std::uint64_t& budget_;
    ThreadList current_, next_;
    std::vector<std::uint32_t> stack_;
    std::string_view text_;
    std::size_t byte_ = 0, cp_ = 0, cur_len_ = 0;
    char32_t prev_ = kNoCodePoint, cur_ = kNoCodePoint;
};

}  // namespace

Result<Regex> compile_regex(std::string_view pattern, RegexOptions options) {
    if (auto bad = find_invalid_utf8(pattern))
        return make_error(ErrorKind::InvalidUtf8,
                          "regex: pattern is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
    const std::size_t length = count_code_points(pattern);
    if (length > kMaxPatternCodePoints)
        return make_error(ErrorKind::TooLarge, "regex: pattern is " + std::to_string(length) +
                                                   " code points long (limit " +
                                                   std::to_string(kMaxPatternCodePoints) + ")");
    std::u32string chars;
    chars.reserve(length);
    for (std::size_t p = 0; p < pattern.size();) chars.push_back(decode_utf8(pattern, p));

    Result<Ast> ast = parse_regex(chars);
    if (!ast) return ast.error();
    const std::size_t size = program_size(*ast, ast->root) + 3;  // whole-word asserts and Match
    if (size > kMaxRegexProgram)
        return make_error(ErrorKind::TooLarge, "regex: pattern too large after expanding repetitions (limit " +
                                                   std::to_string(kMaxRegexProgram) + " instructions)");

    auto prog = std::make_shared<Program>();
    prog->case_insensitive = options.case_insensitive;
    prog->classes = std::move(ast->classes);
    if (options.case_insensitive)
        for (CharClass& cls : prog->classes) add_case_foldings(cls);
    prog->code.reserve(size);
    Compiler compiler(*ast, *prog);
    if (options.whole_word) compiler.push({Op::Assert, AssertKind::NotInsideWord, 0, 0, 0});
    compiler.emit(ast->root);
    if (options.whole_word) compiler.push({Op::Assert, AssertKind::NotInsideWord, 0, 0, 0});
    compiler.push({Op::Match, {}, 0, 0, 0});
    compute_first_chars(*prog);
    return Regex(std::move(prog));
}

std::size_t Regex::program_size() const { return program_->code.size(); }

std::optional<TextRange> Regex::find(std::string_view text, std::size_t from, std::size_t from_cp) const {
    std::uint64_t budget = kMaxSearchSteps;
    Matcher matcher(*program_, budget);
    return matcher.find(text, from, from_cp);
}

SearchResult Regex::find_all(std::string_view text, std::size_t max_matches) const {
    SearchResult result;
    std::uint64_t budget = kMaxSearchSteps;
    Matcher matcher(*program_, budget);
    std::size_t byte = 0, cp = 0;
    for (;;) {
        std::optional<TextRange> match = matcher.find(text, byte, cp);
        if (budget == 0) {
            result.truncated = true;
            break;
        }
        if (!match) break;
        if (result.matches.size() == max_matches) {
            result.truncated = true;
            break;
        }
        result.matches.push_back(*match);
        byte = match->byte_end;
        cp = match->end;
    }
    return result;
}

}  // namespace inkspan
