#pragma once

#include "protocol/payloads.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Serambi::App {

// The AI's proposed reply to a conversation's latest customer message (event draft.updated).
struct Draft
{
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 forMessageId = 0;
    QString text;
    double confidence = 0;  // 0..1
    QStringList sources;    // knowledge-base article ids the draft cites
    bool handoff = false;   // the AI thinks a human should answer
    bool streaming = false; // still being written; the text grows with every update
    bool fallback = false;  // the AI service failed and the relay's offline drafter wrote it
};

// Reads the relay's draft object. A draft in state "pending" or "streaming" is one to show;
// any other state (superseded, approved, discarded) or null gives nullopt.
std::optional<Draft> draftFromJson(qint64 conversationId, const QJsonValue &json);
QJsonObject draftToJson(const Draft &draft);

} // namespace Serambi::App

Q_DECLARE_METATYPE(Serambi::App::Draft)
