#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace Serambi::Relay {

// Customer satisfaction ([csat] in relay.ini; docs/configuration.md, "Customer satisfaction"):
// off unless enabled. When an agent resolves a chat inside the customer-service window the
// relay asks the question as a WhatsApp list of the scores 1 to 5 (opened by the button) and
// answers a rating with the thank-you text; a rating is taken until acceptMs after the question.
struct CsatSettings
{
    bool enabled = false;
    QString question = QStringLiteral(
        "Bagaimana pelayanan kami hari ini? Pilih 1 (buruk) sampai 5 (sangat baik).");
    QString button = QStringLiteral("Beri nilai");
    QString thanks = QStringLiteral("Terima kasih atas penilaian Anda!");
    qint64 acceptMs = 24LL * 3600 * 1000;
};

// Meta's limits on what the settings become: a list message's body and its opening button
// (also the title of its one section), and a text message.
inline constexpr int MaxCsatQuestionCharacters = 4096;
inline constexpr int MaxCsatButtonCharacters = 20;
inline constexpr int MaxCsatThanksCharacters = 4096;
inline constexpr int MaxCsatAnswerHours = 24 * 30;

// The [csat] section of iniPath (defaults when it has none); nullopt with *error naming the key
// for a value that is not allowed.
std::optional<CsatSettings> readCsatSettings(const QString &iniPath, QString *error);

} // namespace Serambi::Relay
