#pragma once

#include <QList>
#include <QString>

class QJsonObject;

namespace Serambi::Protocol {

// Meta's limits for interactive messages (whatsapp-cloud-api.md §8.3), shared by the console's
// builder (refusing over-limit input as the agent types) and the relay (refusing it again before
// calling Meta). Lengths count Unicode code points, as Meta does.
namespace InteractiveLimits {
inline constexpr int HeaderText = 60;
inline constexpr int Footer = 60;
inline constexpr int MaxButtons = 3;
inline constexpr int ButtonId = 256;
inline constexpr int ButtonTitle = 20;
inline constexpr int ButtonBody = 1024;
inline constexpr int ListButtonLabel = 20;
inline constexpr int MaxSections = 10;
inline constexpr int SectionTitle = 24;
inline constexpr int MaxRows = 10;
inline constexpr int RowId = 200;
inline constexpr int RowTitle = 24;
inline constexpr int RowDescription = 72;
inline constexpr int ListBody = 4096;
inline constexpr int CtaDisplayText = 20;
inline constexpr int CtaBody = 1024;
} // namespace InteractiveLimits

// One thing wrong with an interactive object, located by its path inside the object
// ("action.buttons[1].reply.title").
struct LimitProblem
{
    enum class Kind {
        Missing,   // a required field is absent or empty
        TooLong,   // more than `limit` characters
        TooMany,   // more than `limit` items
        Duplicate, // an id or title used twice where Meta wants them unique
        Invalid,   // wrong JSON type, unknown interactive type, not an http(s) URL
    };

    QString path;
    Kind kind = Kind::Invalid;
    int limit = 0; // characters or items, for TooLong and TooMany

    // English, for logs and the relay's result message: "action.buttons[1].reply.title: at
    // most 20 characters". Consoles translate from kind and limit instead.
    QString describe() const;

    bool operator==(const LimitProblem &other) const
    {
        return path == other.path && kind == other.kind && limit == other.limit;
    }
};

// Unicode code points in text (an emoji outside the BMP counts once).
int characterCount(const QString &text);

// Every problem of an interactive object of type "button", "list" or "cta_url"; empty when Meta
// would accept it. Other types are reported as Invalid at "type".
QList<LimitProblem> checkInteractive(const QJsonObject &interactive);

} // namespace Serambi::Protocol
