#include "channelconfig.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

namespace Serambi::Relay {

namespace {

const QString SectionPrefix = QStringLiteral("channel.");
const QStringList SecretKeys{QStringLiteral("app_secret"), QStringLiteral("verify_token"),
                             QStringLiteral("graph_token"), QStringLiteral("auth_token")};

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

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

// https, or http to this machine (the simulator).
bool isApiUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    return url.scheme() == QLatin1String("https") ||
           (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()));
}

bool readContentSids(const QSettings &ini, const QString &section, ChannelConfig *channel,
                     QString *error)
{
    static const QRegularExpression entry(QStringLiteral("^([^:\\s]+):(HX[0-9a-fA-F]{32})$"));
    const QStringList entries = ini.value(QStringLiteral("content_templates")).toStringList();
    for (const QString &text : entries) {
        if (text.trimmed().isEmpty())
            continue;
        const auto match = entry.match(text.trimmed());
        if (!match.hasMatch())
            return fail(error, section,
                        QStringLiteral("content_templates takes name:HX… pairs separated by "
                                       "commas (HX and 32 hex digits)"));
        channel->contentSids.insert(match.captured(1), match.captured(2));
    }
    return true;
}

bool readTwilio(const QSettings &ini, const QString &section, const QProcessEnvironment &env,
                const QHash<QString, QByteArray> &secrets, ChannelConfig *channel, QString *error)
{
    static const QRegularExpression accountSid(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
    static const QRegularExpression number(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
    channel->accountSid = ini.value(QStringLiteral("account_sid")).toString().trimmed();
    if (!accountSid.match(channel->accountSid).hasMatch())
        return fail(error, section,
                    QStringLiteral("account_sid must be the Account SID from Twilio (AC and 32 "
                                   "hex digits)"));
    channel->number = ini.value(QStringLiteral("number")).toString().trimmed();
    if (!number.match(channel->number).hasMatch())
        return fail(error, section,
                    QStringLiteral("number must be the WhatsApp sender's number in E.164 "
                                   "(+14155238886)"));
    if (ini.contains(QStringLiteral("api_url"))) {
        const QUrl url(ini.value(QStringLiteral("api_url")).toString(), QUrl::StrictMode);
        if (!isApiUrl(url))
            return fail(error, section,
                        QStringLiteral("api_url must be an https URL (http only to this machine)"));
        channel->twilioUrl = url;
    }
    if (ini.contains(QStringLiteral("public_url"))) {
        channel->publicUrl = ini.value(QStringLiteral("public_url")).toString().trimmed();
        const QUrl url(channel->publicUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return fail(error, section,
                        QStringLiteral("public_url must be the http(s) webhook URL entered at "
                                       "Twilio"));
    }
    return readContentSids(ini, section, channel, error) &&
           readSecret(section, channel->name, QStringLiteral("auth_token"), env, secrets,
                      &channel->authToken, error);
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
        const bool twilio = channel.provider == QLatin1String("twilio");
        if (channel.provider != QLatin1String("cloud") && !twilio)
            ok = fail(error, group, QStringLiteral("provider must be cloud or twilio"));
        ok = ok && readPresentation(ini, group, &channel, error) &&
             (twilio ? readTwilio(ini, group, env, secrets, &channel, error)
                     : readCloud(ini, group, env, secrets, &channel, error));
        ini.endGroup();
        if (!ok)
            return false;
        QList<ChannelConfig> known = *others;
        known.prepend(*main);
        for (const ChannelConfig &other : std::as_const(known)) {
            if (other.businessNumber() == channel.businessNumber())
                return fail(
                    error, group,
                    QStringLiteral("%1 is already the number of channel %2")
                        .arg(twilio ? QStringLiteral("number") : QStringLiteral("phone_number_id"),
                             other.name));
        }
        others->append(channel);
    }
    return true;
}

} // namespace Serambi::Relay
