#include "businesshours.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace Serambi::Relay {

namespace {

// How far ahead nextOpening looks: a year of holidays and closed weeks.
constexpr int DaysAhead = 372;

// "mon" … "sun" → 1 … 7; 0 when it is not a day.
int dayNumber(const QString &name)
{
    static const QStringList days{
        QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
        QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return int(days.indexOf(name.trimmed().toLower())) + 1;
}

// "mon-fri", "sat,sun", "mon-wed,fri" → the days named; empty when unreadable.
QList<int> readDays(const QString &text)
{
    QList<int> days;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList ends = part.split(QLatin1Char('-'));
        const int first = dayNumber(ends.first());
        const int last = ends.size() == 2 ? dayNumber(ends.last()) : first;
        if (ends.size() > 2 || first == 0 || last == 0 || last < first)
            return {};
        for (int day = first; day <= last; ++day)
            days.append(day);
    }
    return days;
}

// "08:00" → 480; "24:00" → 1440; -1 when unreadable.
int readMinute(const QString &text)
{
    static const QRegularExpression clock(QStringLiteral("^(\\d{1,2})[:.](\\d{2})$"));
    const auto match = clock.match(text);
    if (!match.hasMatch())
        return -1;
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    if (hour > 24 || minute > 59 || (hour == 24 && minute != 0))
        return -1;
    return hour * 60 + minute;
}

bool fail(QString *problem, const QString &message)
{
    *problem = message;
    return false;
}

bool readEntry(const QString &entry, QList<BusinessHours::Span> *spans, QString *problem)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList words = entry.split(space, Qt::SkipEmptyParts);
    const QList<int> days = words.isEmpty() ? QList<int>() : readDays(words.first());
    if (days.isEmpty() || words.size() < 2)
        return fail(problem, QStringLiteral("\"%1\" is not \"days HH:MM-HH:MM\" (days mon … sun, "
                                            "e.g. mon-fri 08:00-17:00)")
                                 .arg(entry.trimmed()));
    for (const QString &span : words.mid(1)) {
        const QStringList ends = span.split(QLatin1Char('-'));
        const int open = ends.size() == 2 ? readMinute(ends.first()) : -1;
        const int close = ends.size() == 2 ? readMinute(ends.last()) : -1;
        if (open < 0 || close < 0)
            return fail(problem,
                        QStringLiteral("\"%1\" is not a span such as 08:00-17:00").arg(span));
        if (close <= open)
            return fail(problem,
                        QStringLiteral("%1 closes before it opens (a span ends the same day; "
                                       "use 24:00 for midnight)")
                            .arg(span));
        for (const int day : days)
            spans->append({day, open, close});
    }
    return true;
}

bool readHolidays(const QString &text, QSet<QDate> *holidays, QString *problem)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        const QDate date = QDate::fromString(part.trimmed(), Qt::ISODate);
        if (!date.isValid())
            return fail(problem, QStringLiteral("holiday \"%1\" is not a date such as 2026-12-25")
                                     .arg(part.trimmed()));
        holidays->insert(date);
    }
    return true;
}

} // namespace

std::optional<BusinessHours> BusinessHours::parse(const QString &schedule, const QString &timeZone,
                                                  const QString &holidays, QString *problem)
{
    BusinessHours hours;
    if (!timeZone.trimmed().isEmpty()) {
        const QByteArray id = timeZone.trimmed().toUtf8();
        if (!QTimeZone::isTimeZoneIdAvailable(id)) {
            *problem = QStringLiteral("unknown time zone \"%1\" (an IANA name such as "
                                      "Asia/Jakarta, Asia/Makassar, Asia/Jayapura)")
                           .arg(timeZone.trimmed());
            return std::nullopt;
        }
        hours.m_zone = QTimeZone(id);
    }
    for (const QString &entry : schedule.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!entry.trimmed().isEmpty() && !readEntry(entry, &hours.m_spans, problem))
            return std::nullopt;
    }
    if (hours.m_spans.isEmpty() && !schedule.trimmed().isEmpty()) {
        *problem = QStringLiteral("the schedule names no opening hours");
        return std::nullopt;
    }
    if (!readHolidays(holidays, &hours.m_holidays, problem))
        return std::nullopt;
    std::sort(hours.m_spans.begin(), hours.m_spans.end(), [](const Span &a, const Span &b) {
        return std::tie(a.dayOfWeek, a.openMinute) < std::tie(b.dayOfWeek, b.openMinute);
    });
    return hours;
}

bool BusinessHours::isOpen(const QDateTime &at) const
{
    if (alwaysOpen())
        return true;
    const QDateTime local = at.toTimeZone(m_zone);
    if (isHoliday(local.date()))
        return false;
    const int minute = local.time().msecsSinceStartOfDay() / 60000;
    return std::any_of(m_spans.cbegin(), m_spans.cend(), [&](const Span &span) {
        return span.dayOfWeek == local.date().dayOfWeek() && span.openMinute <= minute &&
               minute < span.closeMinute;
    });
}

std::optional<QDateTime> BusinessHours::nextOpening(const QDateTime &from) const
{
    if (isOpen(from))
        return from;
    const QDate today = from.toTimeZone(m_zone).date();
    for (int offset = 0; offset <= DaysAhead; ++offset) {
        const QDate date = today.addDays(offset);
        if (isHoliday(date))
            continue;
        for (const Span &span : m_spans) {
            if (span.dayOfWeek != date.dayOfWeek())
                continue;
            const QDateTime opening(date, QTime(span.openMinute / 60, span.openMinute % 60),
                                    m_zone);
            if (opening > from)
                return opening;
        }
    }
    return std::nullopt;
}

QString describeOpening(const QDateTime &opening, const QDateTime &now, const QTimeZone &zone,
                        const QString &language)
{
    const bool english = language == QLatin1String("en");
    const QLocale locale(english ? QLocale::English : QLocale::Indonesian);
    const QDateTime local = opening.toTimeZone(zone);
    const qint64 days = now.toTimeZone(zone).date().daysTo(local.date());
    const QString time =
        local.time().toString(english ? QStringLiteral("HH:mm") : QStringLiteral("HH.mm"));
    if (days == 0)
        return english ? QStringLiteral("today at %1").arg(time)
                       : QStringLiteral("hari ini pukul %1").arg(time);
    if (days == 1)
        return english ? QStringLiteral("tomorrow at %1").arg(time)
                       : QStringLiteral("besok pukul %1").arg(time);
    const QString day = locale.toString(local.date(), english ? QStringLiteral("dddd d MMMM")
                                                              : QStringLiteral("dddd, d MMMM"));
    return english ? QStringLiteral("%1 at %2").arg(day, time)
                   : QStringLiteral("%1 pukul %2").arg(day, time);
}

} // namespace Serambi::Relay
