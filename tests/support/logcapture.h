#pragma once

#include <QStringList>

namespace Serambi::Test {

// Keeps every log line written while it is capturing, with every serambi.* category switched on
// (debug included), and passes each line on to the handler before it. One at a time.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    // Stops capturing: the previous handler and the default category rules again.
    void stop();
    QStringList lines() const;
    // The lines joined by newlines.
    QString text() const;
};

} // namespace Serambi::Test
