#include "literal_prefilter.h"

#include <set>
#include <utility>
#include <vector>

#include "utf8.h"

namespace spamstrip {
namespace {

using NodePtr = std::unique_ptr<LiteralNode>;  // null: no requirement

// Exact string sets are multiplied out across a concatenation while the product stays this
// small (re2/prefilter.cc uses the same bound).
constexpr size_t kMaxExactProduct = 16;
// A character class becomes an exact set of its characters up to this many (as in RE2).
constexpr size_t kMaxClassSize = 4;
constexpr size_t kUnbounded = static_cast<size_t>(-1);

// What is known about the text a sub-expression matches: either exactly one of a few strings,
// or (at least) a requirement on the text it matches.
struct Info {
  bool exact = false;
  std::set<std::string> strings;  // when exact
  NodePtr match;                  // when not exact; null: no requirement
};

Info Exact(std::set<std::string> strings) {
  Info i;
  i.exact = true;
  i.strings = std::move(strings);
  return i;
}

Info Anything() { return Info(); }

NodePtr AtomNode(std::string s) {
  auto n = std::make_unique<LiteralNode>();
  n->op = LiteralNode::Op::kAtom;
  n->atom = std::move(s);
  return n;
}

// a `op` b (kAnd or kOr, neither side null), a side that is itself an `op` node flattened into
// the new node's children.
NodePtr Join(LiteralNode::Op op, NodePtr a, NodePtr b) {
  if (a->op == op) {  // the same node as below, built in place: a's children, then b's
    if (b->op == op) {
      for (auto& c : b->children) a->children.push_back(std::move(c));
    } else {
      a->children.push_back(std::move(b));
    }
    return a;
  }
  auto n = std::make_unique<LiteralNode>();
  n->op = op;
  for (NodePtr* x : {&a, &b}) {
    if ((*x)->op == op) {
      for (auto& c : (*x)->children) n->children.push_back(std::move(c));
    } else {
      n->children.push_back(std::move(*x));
    }
  }
  return n;
}

// a AND b, flattening nested ANDs; a missing requirement is no constraint.
NodePtr And(NodePtr a, NodePtr b) {
  if (!a) return b;
  if (!b) return a;
  return Join(LiteralNode::Op::kAnd, std::move(a), std::move(b));
}

// a OR b, flattening nested ORs; if either side has no requirement, neither has the whole.
NodePtr Or(NodePtr a, NodePtr b) {
  if (!a || !b) return nullptr;
  return Join(LiteralNode::Op::kOr, std::move(a), std::move(b));
}

class Analyzer {
 public:
  Analyzer(std::string_view pattern, size_t min_length) : s_(pattern), min_length_(min_length) {}

  // Null when there is no requirement, or when the pattern uses something not modelled.
  NodePtr Run() {
    Info info = Alternation();
    if (failed_ || pos_ != s_.size()) return nullptr;
    return TakeMatch(std::move(info));
  }

 private:
  // The requirement of `info` (an exact set: one of its strings, unless one is too short).
  NodePtr TakeMatch(Info info) {
    if (!info.exact) return std::move(info.match);
    if (info.strings.empty()) return nullptr;
    for (const auto& str : info.strings) {
      if (str.size() < min_length_) return nullptr;  // the empty string included
    }
    if (info.strings.size() == 1)
      return AtomNode(std::move(info.strings.extract(info.strings.begin()).value()));
    auto n = std::make_unique<LiteralNode>();  // OR of the strings, in order
    n->op = LiteralNode::Op::kOr;
    n->children.reserve(info.strings.size());
    while (!info.strings.empty()) {
      n->children.push_back(
          AtomNode(std::move(info.strings.extract(info.strings.begin()).value())));
    }
    return n;
  }

  Info Alternation() {
    Info acc = Concatenation();
    while (!failed_ && Peek('|')) {
      ++pos_;
      Info next = Concatenation();
      if (acc.exact && next.exact) {
        acc.strings.merge(next.strings);  // moves the nodes; duplicates stay behind
      } else {
        Info alt;
        alt.match = Or(TakeMatch(std::move(acc)), TakeMatch(std::move(next)));
        acc = std::move(alt);
      }
    }
    return acc;
  }

  // As re2/prefilter.cc: consecutive exact parts are multiplied out while the product stays
  // small; everything else is ANDed. The whole is exact only when every part is.
  Info Concatenation() {
    NodePtr match;
    bool all_exact = true;
    std::set<std::string> exact = {""};  // the current run of exact parts
    auto flush = [&]() {
      match = And(std::move(match), TakeMatch(Exact(std::move(exact))));
      exact = {""};
    };
    // Plain literal characters wait here to be appended to every string of `exact` at once
    // (multiplying by a single string keeps the product as small as it was).
    std::string literal;
    auto settle = [&]() {
      if (literal.empty()) return;
      AppendToAll(&exact, literal);
      literal.clear();
    };
    while (!failed_ && pos_ < s_.size() && !Peek('|') && !Peek(')')) {
      if (PlainLiteralAhead()) {
        std::string ch = Char();
        if (!Fold(&ch)) {
          Fail();
          break;
        }
        literal += ch;
        continue;
      }
      settle();
      Info part = Repetition();
      if (failed_) break;
      if (part.exact && part.strings.size() == 1) {  // exact.size() is within the bound
        AppendToAll(&exact, *part.strings.begin());
        continue;
      }
      if (part.exact && part.strings.size() * exact.size() <= kMaxExactProduct) {
        std::set<std::string> product;
        for (const auto& x : exact) {
          for (const auto& y : part.strings) product.insert(x + y);
        }
        exact = std::move(product);
        continue;
      }
      all_exact = false;
      flush();
      match = And(std::move(match), TakeMatch(std::move(part)));
    }
    settle();
    if (all_exact) return Exact(std::move(exact));
    flush();
    Info i;
    i.match = std::move(match);
    return i;
  }

  // Whether pos_ holds a character Atom() reads as itself, with no repetition operator after
  // it: the common case of Concatenation(), which then needs no Info.
  bool PlainLiteralAhead() const {
    switch (s_[pos_]) {
      case '(':
      case ')':
      case '[':
      case '.':
      case '^':
      case '$':
      case '\\':
      case '*':
      case '+':
      case '?':
      case '|':
      case '{':
        return false;
      default:
        break;
    }
    size_t len;
    DecodeUtf8(s_, pos_, &len);
    if (pos_ + len >= s_.size()) return true;
    const char next = s_[pos_ + len];
    return next != '*' && next != '+' && next != '?' && next != '{';
  }

  // Appends `suffix` to every string of `run` (the product with {suffix}), reusing the set's
  // nodes; only their order may change ("a" < "ab" but "ac" > "abc").
  static void AppendToAll(std::set<std::string>* run, const std::string& suffix) {
    if (run->size() == 1) {
      auto node = run->extract(run->begin());
      node.value() += suffix;
      run->insert(std::move(node));
      return;
    }
    std::vector<std::set<std::string>::node_type> nodes;
    nodes.reserve(run->size());
    while (!run->empty()) nodes.push_back(run->extract(run->begin()));
    for (auto& node : nodes) {
      node.value() += suffix;
      run->insert(std::move(node));
    }
  }

  Info Repetition() {
    Info atom = Atom();
    while (!failed_ && pos_ < s_.size()) {
      const char c = s_[pos_];
      size_t lo, hi;
      if (c == '*' || c == '?' || c == '+') {
        ++pos_;
        lo = c == '+' ? 1 : 0;
        hi = c == '?' ? 1 : kUnbounded;
      } else if (c == '{') {
        if (!RepeatBounds(&lo, &hi)) break;  // a literal '{', read by the next Atom()
      } else {
        break;
      }
      Consume('?');  // non-greedy
      atom = Repeat(std::move(atom), lo, hi);
    }
    return atom;
  }

  // x{lo,hi} (hi == kUnbounded: no upper bound). An exact x stays exact when the repetitions
  // are few (x? is x or nothing; w{3} is "www"); otherwise a match of at least one copy needs
  // x's requirement — of at least lo copies, x repeated lo times (a prefix of every match).
  Info Repeat(Info x, size_t lo, size_t hi) {
    if (x.exact) {
      std::vector<std::set<std::string>> powers = {{""}};  // x^0, x^1, ...
      const size_t top = hi == kUnbounded ? lo : hi;
      bool small = top <= kMaxExactProduct;
      for (size_t k = 1; small && k <= top; ++k) {
        std::set<std::string> next;
        for (const auto& a : powers.back()) {
          for (const auto& b : x.strings) next.insert(a + b);
        }
        small = next.size() <= kMaxExactProduct;
        powers.push_back(std::move(next));
      }
      if (small) {
        if (hi != kUnbounded) {
          std::set<std::string> all;
          for (size_t k = lo; k <= hi; ++k) all.insert(powers[k].begin(), powers[k].end());
          if (all.size() <= kMaxExactProduct) return Exact(std::move(all));
        } else {
          Info r;
          r.match = TakeMatch(Exact(std::move(powers[lo])));
          return r;
        }
      }
    }
    Info r;
    if (lo > 0) r.match = TakeMatch(std::move(x));
    return r;
  }

  // {n}, {n,} or {n,m} at pos_ (consumed when valid): *lo = n, *hi = m (n for {n},
  // kUnbounded for {n,}).
  bool RepeatBounds(size_t* lo, size_t* hi) {
    size_t p = pos_ + 1;
    auto number = [&](size_t* v) {
      const size_t start = p;
      *v = 0;
      while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9' && p - start < 6) {
        *v = *v * 10 + static_cast<size_t>(s_[p] - '0');
        ++p;
      }
      return p > start;
    };
    size_t n, m;
    if (!number(&n)) return false;
    m = n;
    if (p < s_.size() && s_[p] == ',') {
      ++p;
      m = kUnbounded;
      if (p < s_.size() && s_[p] != '}' && !number(&m)) return false;
    }
    if (p >= s_.size() || s_[p] != '}' || m < n) return false;
    pos_ = p + 1;
    *lo = n;
    *hi = m;
    return true;
  }

  Info Atom() {
    if (pos_ >= s_.size()) return Fail();
    const char c = s_[pos_];
    switch (c) {
      case '(':
        return Group();
      case '[':
        return Class();
      case '.':
        ++pos_;
        return Anything();
      case '^':
      case '$':
        ++pos_;
        return Exact({""});  // zero-width
      case '\\':
        return Escape();
      case '*':
      case '+':
      case '?':
      case '|':
      case ')':
        return Fail();  // not a valid RE2 pattern at this place
      default: {
        std::string ch = Char();  // includes a '{' that does not start a repetition
        if (!Fold(&ch)) return Fail();
        return Exact({ch});
      }
    }
  }

  Info Group() {
    ++pos_;  // '('
    if (Consume('?')) {
      if (Consume('P')) {  // (?P<name>re)
        if (!Consume('<')) return Fail();
        while (pos_ < s_.size() && s_[pos_] != '>') ++pos_;
        if (!Consume('>')) return Fail();
      } else {
        // Flags: (?flags) for the rest of the enclosing group, or (?flags:re). Only i
        // (case-insensitive) matters here.
        const bool outer_fold = fold_;
        bool negated = false;
        while (pos_ < s_.size() && s_[pos_] != ':' && s_[pos_] != ')') {
          const char f = s_[pos_++];
          if (f == '-') {
            negated = true;
          } else if (f == 'i') {
            fold_ = !negated;
          } else if (f != 'm' && f != 's' && f != 'U') {
            return Fail();
          }
        }
        if (Consume(')')) return Exact({""});  // zero-width; the caller's group restores fold_
        if (!Consume(':')) return Fail();
        Info inner = Alternation();
        fold_ = outer_fold;
        if (failed_ || !Consume(')')) return Fail();
        return inner;
      }
    }
    const bool outer_fold = fold_;  // a "(?i)" inside the group ends with it
    Info inner = Alternation();
    fold_ = outer_fold;
    if (failed_ || !Consume(')')) return Fail();
    return inner;
  }

  // A literal character as the text shows it: under the case-insensitive flag, an ASCII
  // letter in lower case. The text RuleSet matches is case folded (canonical), where an ASCII
  // letter's other matches under (?i) (upper case, the Kelvin sign, the long s) never occur.
  // A non-ASCII letter's folding is not modelled: false.
  bool Fold(std::string* ch) const {
    if (!fold_) return true;
    if (ch->size() != 1) return false;
    const char c = (*ch)[0];
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c >= 'A' && c <= 'Z') (*ch)[0] = static_cast<char>(c - 'A' + 'a');
    return true;
  }

  Info Escape() {
    ++pos_;  // '\\'
    if (pos_ >= s_.size()) return Fail();
    const char c = s_[pos_];
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        ++pos_;
        return Exact({""});  // zero-width
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
      case 'C':
        ++pos_;
        return Anything();  // one character of a large class
      case 'p':
      case 'P':
        ++pos_;
        if (Consume('{')) {
          while (pos_ < s_.size() && s_[pos_] != '}') ++pos_;
          if (!Consume('}')) return Fail();
        } else if (pos_ < s_.size()) {
          ++pos_;
        } else {
          return Fail();
        }
        return Anything();
      default: {
        std::string ch;
        if (!EscapedChar(&ch) || !Fold(&ch)) return Fail();
        return Exact({ch});
      }
    }
  }

  // The character of an escape at pos_ (after the backslash) that stands for one character:
  // \n \t \r \f \v \a, \xHH, \x{H...}, or an escaped ASCII punctuation character.
  bool EscapedChar(std::string* out) {
    const char c = s_[pos_++];
    char32_t cp;
    switch (c) {
      case 'n':
        cp = '\n';
        break;
      case 't':
        cp = '\t';
        break;
      case 'r':
        cp = '\r';
        break;
      case 'f':
        cp = '\f';
        break;
      case 'v':
        cp = '\v';
        break;
      case 'a':
        cp = '\a';
        break;
      case 'x':
        if (!HexEscape(&cp)) return false;
        break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        const bool punct = u < 0x80 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
                           !(c >= 'A' && c <= 'Z') && c != '_';
        if (!punct) return false;  // octal, \Q...\E and the rest: not modelled
        cp = u;
      }
    }
    out->clear();
    AppendUtf8(cp, out);
    return true;
  }

  bool HexEscape(char32_t* cp) {
    auto hex = [](char h, uint32_t* d) {
      if (h >= '0' && h <= '9') {
        *d = static_cast<uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        *d = static_cast<uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        *d = static_cast<uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
      return true;
    };
    uint32_t v = 0, d;
    if (Consume('{')) {
      size_t digits = 0;
      while (pos_ < s_.size() && s_[pos_] != '}') {
        if (!hex(s_[pos_++], &d) || ++digits > 6) return false;
        v = v * 16 + d;
      }
      if (!Consume('}') || digits == 0) return false;
    } else {
      for (int k = 0; k < 2; ++k) {
        if (pos_ >= s_.size() || !hex(s_[pos_++], &d)) return false;
        v = v * 16 + d;
      }
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
    *cp = v;
    return true;
  }

  // [...]: an exact set of its characters when it lists at most kMaxClassSize of them and
  // nothing else; otherwise one character of unknown value.
  Info Class() {
    ++pos_;  // '['
    const bool negated = Consume('^');
    std::set<std::string> chars;
    bool large = negated;
    bool first = true;  // ']' is a character when it comes first
    while (pos_ < s_.size() && (s_[pos_] != ']' || first)) {
      first = false;
      if (s_.compare(pos_, 2, "[:") == 0) {  // [:alpha:]
        const size_t end = s_.find(":]", pos_ + 2);
        if (end != std::string_view::npos) {
          pos_ = end + 2;
          large = true;
          continue;
        }
      }
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
        const char e = s_[pos_ + 1];
        if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
          pos_ += 2;
          large = true;
          continue;
        }
        if (e == 'p' || e == 'P') {
          pos_ += 2;
          if (Consume('{')) {
            while (pos_ < s_.size() && s_[pos_] != '}') ++pos_;
            if (!Consume('}')) return Fail();
          } else if (pos_ < s_.size()) {
            ++pos_;
          }
          large = true;
          continue;
        }
      }
      std::string lo;
      if (!ClassChar(&lo)) return Fail();
      if (pos_ + 1 < s_.size() && s_[pos_] == '-' && s_[pos_ + 1] != ']') {  // a range
        ++pos_;
        std::string hi;
        if (!ClassChar(&hi)) return Fail();
        size_t len;
        const char32_t a = DecodeUtf8(lo, 0, &len);
        const char32_t b = DecodeUtf8(hi, 0, &len);
        if (b < a) return Fail();
        if (b - a >= kMaxClassSize) {
          large = true;
          continue;
        }
        for (char32_t x = a; x <= b; ++x) {
          std::string one;
          AppendUtf8(x, &one);
          if (!Fold(&one)) large = true;
          chars.insert(one);
        }
        continue;
      }
      if (!Fold(&lo)) large = true;
      chars.insert(lo);
    }
    if (!Consume(']')) return Fail();
    if (large || chars.empty() || chars.size() > kMaxClassSize) return Anything();
    return Exact(std::move(chars));
  }

  // One character inside a class: an escape or a UTF-8 character.
  bool ClassChar(std::string* out) {
    if (pos_ >= s_.size()) return false;
    if (s_[pos_] == '\\') {
      ++pos_;
      return pos_ < s_.size() && EscapedChar(out);
    }
    *out = Char();
    return !out->empty();
  }

  // The UTF-8 character at pos_ (its bytes; one byte when malformed).
  std::string Char() {
    size_t len;
    DecodeUtf8(s_, pos_, &len);
    std::string ch(s_.substr(pos_, len));
    pos_ += len;
    return ch;
  }

  Info Fail() {
    failed_ = true;
    return Anything();
  }
  bool Peek(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool Consume(char c) {
    if (!Peek(c)) return false;
    ++pos_;
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
  size_t min_length_;
  bool failed_ = false;
  bool fold_ = false;  // inside the scope of a case-insensitive flag
};

void Write(const LiteralNode& n, std::string* out) {
  if (n.op == LiteralNode::Op::kAtom) {
    *out += '"' + n.atom + '"';
    return;
  }
  *out += n.op == LiteralNode::Op::kAnd ? "AND(" : "OR(";
  for (size_t i = 0; i < n.children.size(); ++i) {
    if (i > 0) *out += ',';
    Write(*n.children[i], out);
  }
  *out += ')';
}

}  // namespace

std::unique_ptr<LiteralNode> RequiredLiterals(std::string_view pattern, size_t min_length) {
  return Analyzer(pattern, min_length).Run();
}

std::string ToString(const LiteralNode* node) {
  if (node == nullptr) return "ALL";
  std::string out;
  Write(*node, &out);
  return out;
}

}  // namespace spamstrip
