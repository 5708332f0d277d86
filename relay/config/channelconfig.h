#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace Serambi::Relay {

// The relay's first Cloud API number, configured in [relay] and served at /webhook; also the
// channel of every conversation stored before channels existed.
inline const QString MainChannel = QStringLiteral("main");

// One WhatsApp number reached through one provider (docs/configuration.md, "Channels"): the
// [relay] keys for "main", a [channel.<name>] section for each other. Secrets come from
// SERAMBI_CHANNEL_<NAME>_<KEY> in the environment or the secrets file, never from the INI file.
struct ChannelConfig
{
    QString name;
    QString provider = QStringLiteral("cloud");
    QString label;         // shown on the channel's chats in consoles; the name when unset
    QString colour;        // #rrggbb, shown beside the label
    int ratePerSecond = 0; // the outbox's requests per second; 0: the provider's own rate
    QString team;          // the team whose queue its chats wait in when no routing rule applies
    // Cloud API
    QUrl graphUrl;
    QString phoneNumberId;
    QString wabaId; // empty: templates are not synced for this channel
    QByteArray appSecret;
    QByteArray verifyToken;
    QByteArray graphToken;
    // Twilio
    QUrl twilioUrl = QUrl(QStringLiteral("https://api.twilio.com")); // api_url
    QString accountSid;                  // account_sid: AC + 32 hex digits
    QString number;                      // the sender's E.164 number: +14155238886
    QString publicUrl;                   // public_url: the webhook URL as entered at Twilio
    QHash<QString, QString> contentSids; // content_templates: template name → ContentSid
    QByteArray authToken;

    // The number that keys the channel's conversations: phone_number_id, or Twilio's number.
    QString businessNumber() const
    {
        return provider == QLatin1String("twilio") ? number : phoneNumberId;
    }
};

// A channel name: 1 to 32 of a-z, 0-9 and _ (it is part of a URL and of variable names).
bool isChannelName(const QString &name);
// SERAMBI_CHANNEL_<NAME>_<KEY>, the variable (or secrets-file line) of a channel's secret.
QString channelSecretName(const QString &channel, const QString &key);

// Reads [channel.main] into *main (its label, colour and rate; its number is in [relay]) and
// every other [channel.<name>] of iniPath into *others, which inherit main's graphUrl. False
// with *error naming the section and key on a bad value, a missing secret, a secret written
// in the INI file, or two channels on the same number.
bool readChannels(const QString &iniPath, const QProcessEnvironment &env,
                  const QHash<QString, QByteArray> &secrets, ChannelConfig *main,
                  QList<ChannelConfig> *others, QString *error);

} // namespace Serambi::Relay
