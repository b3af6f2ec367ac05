// detector_flags.h — the flags that set a Detector's Options, shared by the commands that run
// one (clean, audit), so that each flag means the same everywhere.
#ifndef SPAMSTRIP_CLI_DETECTOR_FLAGS_H_
#define SPAMSTRIP_CLI_DETECTOR_FLAGS_H_

#include <boost/program_options.hpp>
#include <string>

#include "spamstrip/options.h"

namespace spamstrip::cli {

// Adds --threshold, --span-threshold, --flag-threshold, --flag-only, --no-sentence-cuts,
// --rules, --model and --no-model, each bound to its field of *options.
void AddDetectorFlags(boost::program_options::options_description* desc, Options* options);

// Applies the switches that have no field of their own and checks the values. Returns false
// after printing "spamstrip <command>: <problem>" when a value is out of range.
bool FinishDetectorFlags(const boost::program_options::variables_map& vm, const char* command,
                         Options* options);

}  // namespace spamstrip::cli

#endif  // SPAMSTRIP_CLI_DETECTOR_FLAGS_H_
