#pragma once

#include "knowledgebase.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

// One earlier turn of a conversation: "user" (the customer) or "assistant" (a draft).
struct LlmTurn
{
    QString role;
    QString content;
};

// What the model answered: the reply, the article ids it cites and whether a person should
// take over.
struct LlmAnswer
{
    QString text;
    QStringList sources;
    bool handoff = false;
};

namespace LlmPrompt {

// The chat completions messages: Indonesian system instructions with the business rules and
// the retrieved articles, the earlier turns, then the customer's new message.
QJsonArray messages(const QString &address, const QList<KbHit> &hits, const QList<LlmTurn> &history,
                    const QString &customerText);

// The reply without the trailing tag, also while it is still streaming.
QString visibleText(const QString &content);

// Reads the trailing tag [[sumber: id, id; handoff: ya]] leniently (English words, any case,
// missing parts). Without a tag there are no sources and no handoff.
LlmAnswer parse(const QString &content);

} // namespace LlmPrompt
} // namespace Serambi::Relay
