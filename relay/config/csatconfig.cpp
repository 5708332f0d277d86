#include "csatconfig.h"

#include <QSettings>

namespace Serambi::Relay {

namespace {

const QLatin1String Section("csat/");

bool fail(QString *error, const QString &key, const QString &problem)
{
    if (error)
        *error = QStringLiteral("[csat] %1 %2").arg(key, problem);
    return false;
}

// A text of 1 to max characters (Unicode code points, as Meta counts them), not only blanks.
bool readText(const QSettings &ini, const QString &key, int max, QString *out, QString *error)
{
    if (!ini.contains(Section + key))
        return true;
    const QString text = ini.value(Section + key).toString().trimmed();
    if (text.isEmpty() || text.toUcs4().size() > max)
        return fail(error, key, QStringLiteral("must have 1 to %1 characters").arg(max));
    *out = text;
    return true;
}

} // namespace

std::optional<CsatSettings> readCsatSettings(const QString &iniPath, QString *error)
{
    CsatSettings settings;
    if (iniPath.isEmpty())
        return settings;
    const QSettings ini(iniPath, QSettings::IniFormat);
    if (ini.contains(Section + QLatin1String("enabled"))) {
        const QString enabled = ini.value(Section + QLatin1String("enabled")).toString();
        if (enabled == QLatin1String("true"))
            settings.enabled = true;
        else if (enabled != QLatin1String("false")) {
            fail(error, QStringLiteral("enabled"), QStringLiteral("must be true or false"));
            return std::nullopt;
        }
    }
    if (!readText(ini, QStringLiteral("question"), MaxCsatQuestionCharacters, &settings.question,
                  error) ||
        !readText(ini, QStringLiteral("button"), MaxCsatButtonCharacters, &settings.button,
                  error) ||
        !readText(ini, QStringLiteral("thanks"), MaxCsatThanksCharacters, &settings.thanks, error))
        return std::nullopt;
    if (ini.contains(Section + QLatin1String("answer_hours"))) {
        bool ok = false;
        const int hours = ini.value(Section + QLatin1String("answer_hours")).toString().toInt(&ok);
        if (!ok || hours < 1 || hours > MaxCsatAnswerHours) {
            fail(error, QStringLiteral("answer_hours"),
                 QStringLiteral("must be a whole number from 1 to %1").arg(MaxCsatAnswerHours));
            return std::nullopt;
        }
        settings.acceptMs = qint64(hours) * 3600 * 1000;
    }
    return settings;
}

} // namespace Serambi::Relay
