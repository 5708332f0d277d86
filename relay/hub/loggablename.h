#pragma once

#include <QString>

namespace Serambi::Relay {

// A name a client sent, fit for a log line: at most 32 characters, control and non-ASCII
// characters as \uXXXX, and the original length when it was cut ("aaaa…(100000 chars)").
QString loggableName(const QString &name);

} // namespace Serambi::Relay
