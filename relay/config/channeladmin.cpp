#include "channeladmin.h"

#include "channelconfig.h"

#include <QFile>
#include <QRegularExpression>

#include <QSaveFile>
#include <QSettings>
#include <algorithm>

namespace Serambi::Relay {

namespace {

QString sectionHeader(const QString &name)
{
    return QStringLiteral("[channel.%1]").arg(name);
}

bool readText(const QString &path, QString *text, QTextStream &err)
{
    QFile file(path);
    if (!file.exists()) {
        text->clear();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        err << "serambi-relay: cannot read " << path << '\n';
        return false;
    }
    *text = QString::fromUtf8(file.readAll());
    return true;
}

bool writeText(const QString &path, const QString &text, QTextStream &err)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        err << "serambi-relay: cannot write " << path << '\n';
        return false;
    }
    return true;
}

bool digitsOnly(const QString &text)
{
    return !text.isEmpty() &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

} // namespace

int listChannels(const QString &iniPath, QTextStream &out, QTextStream &err)
{
    if (iniPath.isEmpty()) {
        err << "serambi-relay: channel verbs need --config FILE\n";
        return 2;
    }
    QSettings ini(iniPath, QSettings::IniFormat);
    out << MainChannel << "\tcloud\t"
        << ini.value(QStringLiteral("relay/phone_number_id")).toString() << "\t"
        << ini.value(QStringLiteral("channel.main/label"), MainChannel).toString()
        << "\t/webhook\n";
    const QStringList groups = ini.childGroups();
    for (const QString &group : groups) {
        const QString name = group.mid(QStringLiteral("channel.").size());
        if (!group.startsWith(QLatin1String("channel.")) || name == MainChannel)
            continue;
        ini.beginGroup(group);
        const QString provider = ini.value(QStringLiteral("provider")).toString();
        const QString number = provider == QLatin1String("twilio")
                                   ? ini.value(QStringLiteral("number")).toString()
                                   : ini.value(QStringLiteral("phone_number_id")).toString();
        out << name << '\t' << provider << '\t' << number << '\t'
            << ini.value(QStringLiteral("label"), name).toString() << "\t/webhook/" << name << '\n';
        ini.endGroup();
    }
    return 0;
}

int addChannel(const QString &iniPath, const ChannelAddition &channel, QTextStream &out,
               QTextStream &err)
{
    if (iniPath.isEmpty()) {
        err << "serambi-relay: channel verbs need --config FILE\n";
        return 2;
    }
    if (!isChannelName(channel.name) || channel.name == MainChannel) {
        err << "serambi-relay: a channel name is 1 to 32 of a-z, 0-9 and _, and not main\n";
        return 1;
    }
    if (!digitsOnly(channel.phoneNumberId) ||
        (!channel.wabaId.isEmpty() && !digitsOnly(channel.wabaId))) {
        err << "serambi-relay: --phone-number-id and --waba-id are Meta's numeric ids\n";
        return 1;
    }
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!channel.colour.isEmpty() && !colour.match(channel.colour).hasMatch()) {
        err << "serambi-relay: --colour must be #rrggbb\n";
        return 1;
    }
    if (channel.ratePerSecond < 0 || channel.ratePerSecond > 1000) {
        err << "serambi-relay: --rate must be a whole number from 1 to 1000\n";
        return 1;
    }
    {
        QSettings ini(iniPath, QSettings::IniFormat);
        const QStringList groups = ini.childGroups();
        for (const QString &group : groups) {
            if (group == QLatin1String("channel.") + channel.name) {
                err << "serambi-relay: channel " << channel.name << " already exists\n";
                return 1;
            }
            const QString number =
                group == QLatin1String("relay") || group.startsWith(QLatin1String("channel."))
                    ? ini.value(group + QStringLiteral("/phone_number_id")).toString()
                    : QString();
            if (number == channel.phoneNumberId) {
                err << "serambi-relay: number " << number << " is already served ([" << group
                    << "])\n";
                return 1;
            }
        }
    }
    QString text;
    if (!readText(iniPath, &text, err))
        return 1;
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    text += QLatin1Char('\n') + sectionHeader(channel.name) +
            QStringLiteral("\nprovider=cloud\nphone_number_id=") + channel.phoneNumberId +
            QLatin1Char('\n');
    if (!channel.wabaId.isEmpty())
        text += QStringLiteral("waba_id=") + channel.wabaId + QLatin1Char('\n');
    if (!channel.label.isEmpty())
        text += QStringLiteral("label=") + channel.label + QLatin1Char('\n');
    if (!channel.colour.isEmpty())
        text += QStringLiteral("colour=") + channel.colour + QLatin1Char('\n');
    if (channel.ratePerSecond > 0)
        text += QStringLiteral("rate_per_second=%1\n").arg(channel.ratePerSecond);
    if (!writeText(iniPath, text, err))
        return 1;
    out << "serambi-relay: channel " << channel.name << " added; Meta's webhook URL is "
        << "https://<your relay>/webhook/" << channel.name << "\n"
        << "Put its secrets in the secrets file (chmod 600), then restart the relay:\n";
    for (const char *key : {"app_secret", "verify_token", "graph_token"})
        out << "  " << channelSecretName(channel.name, QLatin1String(key)) << "=...\n";
    return 0;
}

int removeChannel(const QString &iniPath, const QString &name, QTextStream &out, QTextStream &err)
{
    if (iniPath.isEmpty()) {
        err << "serambi-relay: channel verbs need --config FILE\n";
        return 2;
    }
    QString text;
    if (!readText(iniPath, &text, err))
        return 1;
    QStringList lines = text.split(QLatin1Char('\n'));
    const QString header = sectionHeader(name);
    const auto start = std::find_if(lines.begin(), lines.end(), [&header](const QString &line) {
        return line.trimmed() == header;
    });
    if (name == MainChannel || start == lines.end()) {
        err << "serambi-relay: no channel " << name
            << (name == MainChannel ? " to remove (the main number is set in [relay])\n" : "\n");
        return 1;
    }
    const auto end = std::find_if(start + 1, lines.end(), [](const QString &line) {
        return line.trimmed().startsWith(QLatin1Char('['));
    });
    lines.erase(start, end);
    if (!writeText(iniPath, lines.join(QLatin1Char('\n')), err))
        return 1;
    out << "serambi-relay: channel " << name
        << " removed; restart the relay. Its conversations stay; remove its secrets ("
        << channelSecretName(name, QStringLiteral("*")) << ") from the secrets file\n";
    return 0;
}

} // namespace Serambi::Relay
