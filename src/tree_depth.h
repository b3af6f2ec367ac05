// tree_depth.h — dispatch on a forest's tree depth, so that tree walks are compiled for each
// depth with the levels unrolled (gbdt.cc, ranked_forest.cc).
#ifndef SPAMSTRIP_SRC_TREE_DEPTH_H_
#define SPAMSTRIP_SRC_TREE_DEPTH_H_

#include <type_traits>

namespace spamstrip {

// Calls fn with std::integral_constant<int, depth> for depth 1..7, and 8 for any other depth.
template <typename Fn>
double WithDepth(int depth, Fn&& fn) {
  switch (depth) {
    case 1:
      return fn(std::integral_constant<int, 1>());
    case 2:
      return fn(std::integral_constant<int, 2>());
    case 3:
      return fn(std::integral_constant<int, 3>());
    case 4:
      return fn(std::integral_constant<int, 4>());
    case 5:
      return fn(std::integral_constant<int, 5>());
    case 6:
      return fn(std::integral_constant<int, 6>());
    case 7:
      return fn(std::integral_constant<int, 7>());
    default:
      return fn(std::integral_constant<int, 8>());
  }
}

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_TREE_DEPTH_H_
