#pragma once

#include <QLoggingCategory>

// The console core's one category. Never log message bodies, drafts, passwords or tokens.
Q_DECLARE_LOGGING_CATEGORY(lcConsole)
