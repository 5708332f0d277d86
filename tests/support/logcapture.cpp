#include "logcapture.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>

namespace Serambi::Test {

namespace {
// The message handler is global, so is what it captures.
QMutex g_mutex;
QStringList g_lines;
QtMessageHandler g_previous = nullptr;
bool g_capturing = false;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_mutex);
        g_lines.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

LogCapture::LogCapture()
{
    Q_ASSERT(!g_capturing);
    {
        QMutexLocker locker(&g_mutex);
        g_lines.clear();
    }
    g_capturing = true;
    QLoggingCategory::setFilterRules(QStringLiteral("serambi.*=true"));
    g_previous = qInstallMessageHandler(capture);
}

LogCapture::~LogCapture()
{
    stop();
}

void LogCapture::stop()
{
    if (!g_capturing)
        return;
    qInstallMessageHandler(g_previous);
    QLoggingCategory::setFilterRules(QString());
    g_capturing = false;
}

QStringList LogCapture::lines() const
{
    QMutexLocker locker(&g_mutex);
    return g_lines;
}

QString LogCapture::text() const
{
    return lines().join(QLatin1Char('\n'));
}

} // namespace Serambi::Test
