#pragma once

#include <QString>
#include <QTextStream>

namespace Serambi::Relay {

// What `serambi-relay channel add` writes as a [channel.<name>] section.
struct ChannelAddition
{
    QString name;
    QString phoneNumberId;
    QString wabaId;
    QString label;
    QString colour;
    int ratePerSecond = 0; // 0: not written (the provider's own rate)
};

// `serambi-relay channel list|add|remove` (docs/configuration.md, "Channels"). They edit the
// INI file as text, so the owner's comments and other sections stay as they were; secrets are
// never written there (add names the variables to put in the secrets file). Each returns the
// process's exit code: 0, 1 on a refusal (explained on err), 2 on bad usage.
int listChannels(const QString &iniPath, QTextStream &out, QTextStream &err);
int addChannel(const QString &iniPath, const ChannelAddition &channel, QTextStream &out,
               QTextStream &err);
// Conversations of a removed channel stay (with their history); their unsent replies wait in
// the outbox until a channel of that name is configured again.
int removeChannel(const QString &iniPath, const QString &name, QTextStream &out, QTextStream &err);

} // namespace Serambi::Relay
