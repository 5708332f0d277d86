#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace Serambi::Relay {

// When the business's people are at work (docs/configuration.md, "Business hours"): a weekly
// schedule of opening spans in one time zone, and holidays (whole days closed). A schedule that
// was never configured is always open.
class BusinessHours
{
public:
    // One opening span on a day of the week (1 = Monday … 7 = Sunday), in minutes after
    // midnight, from open (inclusive) to close (exclusive, at most 24:00).
    struct Span
    {
        int dayOfWeek = 1;
        int openMinute = 0;
        int closeMinute = 0;
    };

    // Always open.
    BusinessHours() = default;

    // schedule: "mon-fri 08:00-17:00; sat 09:00-12:00 13:00-15:00" (days mon … sun, a range or
    // a comma-separated list, then one or more spans; days not named are closed). timeZone: an
    // IANA id such as Asia/Jakarta. holidays: "2026-12-25, 2027-01-01". Nullopt and *problem
    // (one line) when any part cannot be read.
    static std::optional<BusinessHours> parse(const QString &schedule, const QString &timeZone,
                                              const QString &holidays, QString *problem);

    bool alwaysOpen() const { return m_spans.isEmpty(); }
    const QTimeZone &timeZone() const { return m_zone; }

    bool isOpen(const QDateTime &at) const;
    // The first moment at or after `from` when the business is open: `from` itself when open
    // then. Nullopt only when no opening falls within the next year (holidays all year).
    std::optional<QDateTime> nextOpening(const QDateTime &from) const;

private:
    bool isHoliday(const QDate &date) const { return m_holidays.contains(date); }

    QList<Span> m_spans; // sorted by day, then opening
    QSet<QDate> m_holidays;
    QTimeZone m_zone = QTimeZone(QByteArrayLiteral("Asia/Jakarta"));
};

// How a reply names the next opening, in the customer's language ("id" or "en"), seen from
// `now`: "hari ini pukul 13.00", "besok pukul 08.00", "Senin, 7 Desember pukul 08.00" (or
// "today at 13:00", "tomorrow at 08:00", "Monday 7 December at 08:00").
QString describeOpening(const QDateTime &opening, const QDateTime &now, const QTimeZone &zone,
                        const QString &language);

} // namespace Serambi::Relay
