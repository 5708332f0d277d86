#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

// Which team's queue a chat waiting for a person goes to (docs/configuration.md, "Teams and
// routing"): the first keyword rule whose word the customer wrote, else the rule for the
// chat's handoff reason, else the team of the channel the customer wrote to. Team names as
// `serambi-relay team add` made them.
struct RoutingRules
{
    QList<QPair<QString, QString>> keywords; // (lower-case word, team), in configured order
    QList<QPair<QString, QString>> reasons;  // (handoff reason, team)
    QHash<QString, QString> channels;        // channel name → its team ([channel.<name>] team)

    bool isEmpty() const { return keywords.isEmpty() && reasons.isEmpty() && channels.isEmpty(); }
    // The team for a chat, or an empty string when no rule applies. customerTexts: the
    // customer's recent messages; channel: the chat's.
    QString teamFor(const QString &handoffReason, const QStringList &customerTexts,
                    const QString &channel) const;
};

} // namespace Serambi::Relay
