#pragma once

#include <QStringList>
#include <QTextStream>

namespace Serambi::Relay {

struct RelayConfig;

// `serambi-relay team ...` (docs/configuration.md, "Teams and routing"); args are the words
// after `team`:
//   add NAME | remove NAME | list | member add TEAM USER | member remove TEAM USER
// Takes effect on the running relay at its next routing or assignment pass (both read the
// database). Returns a process exit code (2: usage) and writes one line per result to out or err.
int runTeamAdmin(const RelayConfig &config, const QStringList &args, QTextStream &out,
                 QTextStream &err);

} // namespace Serambi::Relay
