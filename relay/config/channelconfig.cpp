#include "channelconfig.h"

#include <QRegularExpression>

#include <QSettings>
#include <algorithm>

namespace Serambi::Relay {

namespace {

const QString SectionPrefix = QStringLiteral("channel.");
const QStringList SecretKeys{QStringLiteral("app_secret"), QStringLiteral("verify_token"),
                             QStringLiteral("graph_token")};

bool fail(QString *error, const QString &section, const QString &message)
{
    *error = QStringLiteral("[%1] %2").arg(section, message);
    return false;
}

bool digitsOnly(const QString &text)
{
    return !text.isEmpty() &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

// label, colour, rate_per_second, team: what every channel may set, "main" included.
bool readPresentation(const QSettings &ini, const QString &section, ChannelConfig *channel,
                      QString *error)
{
    channel->label = ini.value(QStringLiteral("label"), channel->name).toString().trimmed();
    channel->colour = ini.value(QStringLiteral("colour")).toString().trimmed();
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!channel->colour.isEmpty() && !colour.match(channel->colour).hasMatch())
        return fail(error, section, QStringLiteral("colour must be #rrggbb"));
    if (ini.contains(QStringLiteral("rate_per_second"))) {
        bool ok = false;
        const int rate = ini.value(QStringLiteral("rate_per_second")).toString().toInt(&ok);
        if (!ok || rate < 1 || rate > 1000)
            return fail(error, section,
                        QStringLiteral("rate_per_second must be a whole number from 1 to 1000"));
        channel->ratePerSecond = rate;
    }
    channel->team = ini.value(QStringLiteral("team")).toString().trimmed();
    if (channel->team.size() > 64 || channel->team.contains(QLatin1Char(':')) ||
        channel->team.contains(QLatin1Char(',')))
        return fail(error, section,
                    QStringLiteral("team must be a team's name (up to 64 characters, no : or ,)"));
    return true;
}

bool readSecret(const QString &section, const QString &channel, const QString &key,
                const QProcessEnvironment &env, const QHash<QString, QByteArray> &secrets,
                QByteArray *out, QString *error)
{
    const QString name = channelSecretName(channel, key);
    if (env.contains(name))
        *out = env.value(name).toUtf8();
    else
        *out = secrets.value(name);
    if (out->isEmpty())
        return fail(error, section,
                    QStringLiteral("%1 is not set: add %2 to the environment or the secrets file")
                        .arg(key, name));
    return true;
}

bool readCloud(const QSettings &ini, const QString &section, const QProcessEnvironment &env,
               const QHash<QString, QByteArray> &secrets, ChannelConfig *channel, QString *error)
{
    channel->phoneNumberId = ini.value(QStringLiteral("phone_number_id")).toString().trimmed();
    if (!digitsOnly(channel->phoneNumberId))
        return fail(
            error, section,
            QStringLiteral("phone_number_id must be the numeric phone number ID from Meta"));
    channel->wabaId = ini.value(QStringLiteral("waba_id")).toString().trimmed();
    if (!channel->wabaId.isEmpty() && !digitsOnly(channel->wabaId))
        return fail(error, section,
                    QStringLiteral("waba_id must be the numeric WhatsApp Business Account ID"));
    if (ini.contains(QStringLiteral("graph_url"))) {
        const QUrl url(ini.value(QStringLiteral("graph_url")).toString(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return fail(error, section, QStringLiteral("graph_url must be an http(s) URL"));
        channel->graphUrl = url;
    }
    return readSecret(section, channel->name, QStringLiteral("app_secret"), env, secrets,
                      &channel->appSecret, error) &&
           readSecret(section, channel->name, QStringLiteral("verify_token"), env, secrets,
                      &channel->verifyToken, error) &&
           readSecret(section, channel->name, QStringLiteral("graph_token"), env, secrets,
                      &channel->graphToken, error);
}

} // namespace

bool isChannelName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_]{1,32}$"));
    return pattern.match(name).hasMatch();
}

QString channelSecretName(const QString &channel, const QString &key)
{
    return QStringLiteral("SERAMBI_CHANNEL_%1_%2").arg(channel.toUpper(), key.toUpper());
}

bool readChannels(const QString &iniPath, const QProcessEnvironment &env,
                  const QHash<QString, QByteArray> &secrets, ChannelConfig *main,
                  QList<ChannelConfig> *others, QString *error)
{
    others->clear();
    if (iniPath.isEmpty())
        return true;
    QSettings ini(iniPath, QSettings::IniFormat);
    const QStringList groups = ini.childGroups();
    for (const QString &group : groups) {
        if (!group.startsWith(SectionPrefix))
            continue;
        const QString name = group.mid(SectionPrefix.size());
        if (!isChannelName(name))
            return fail(error, group,
                        QStringLiteral("a channel name is 1 to 32 of a-z, 0-9 and _"));
        ini.beginGroup(group);
        for (const QString &key : SecretKeys) {
            if (ini.contains(key)) {
                ini.endGroup();
                return fail(error, group,
                            QStringLiteral("%1 is a secret: move it to %2 in the environment or "
                                           "the secrets file (chmod 600)")
                                .arg(key, channelSecretName(name, key)));
            }
        }
        bool ok = true;
        if (name == MainChannel) {
            ok = readPresentation(ini, group, main, error);
            if (ok && ini.contains(QStringLiteral("phone_number_id")))
                ok = fail(error, group,
                          QStringLiteral("the main channel's number is set in [relay]"));
            ini.endGroup();
            if (!ok)
                return false;
            continue;
        }
        ChannelConfig channel;
        channel.name = name;
        channel.provider = ini.value(QStringLiteral("provider")).toString().trimmed();
        channel.graphUrl = main->graphUrl;
        if (channel.provider != QLatin1String("cloud"))
            ok = fail(error, group, QStringLiteral("provider must be cloud"));
        ok = ok && readPresentation(ini, group, &channel, error) &&
             readCloud(ini, group, env, secrets, &channel, error);
        ini.endGroup();
        if (!ok)
            return false;
        QList<ChannelConfig> known = *others;
        known.prepend(*main);
        for (const ChannelConfig &other : std::as_const(known)) {
            if (other.phoneNumberId == channel.phoneNumberId)
                return fail(error, group,
                            QStringLiteral("phone_number_id is already the number of channel %1")
                                .arg(other.name));
        }
        others->append(channel);
    }
    return true;
}

} // namespace Serambi::Relay
