#include "draft.h"

#include <QJsonArray>

namespace Serambi::App {

std::optional<Draft> draftFromJson(qint64 conversationId, const QJsonValue &value)
{
    const QJsonObject json = value.toObject();
    const QString state = json.value(QLatin1String("state")).toString();
    const bool streaming = state == QLatin1String("streaming");
    if (json.isEmpty() || (state != QLatin1String("pending") && !streaming))
        return std::nullopt;
    Draft draft;
    draft.id = json.value(QLatin1String("id")).toInteger();
    draft.conversationId = conversationId;
    draft.forMessageId = json.value(QLatin1String("for_message_id")).toInteger();
    draft.text = json.value(QLatin1String("text")).toString();
    draft.confidence = json.value(QLatin1String("confidence")).toDouble();
    const QJsonArray sources = json.value(QLatin1String("sources")).toArray();
    for (const QJsonValue &source : sources)
        draft.sources.append(source.toVariant().toString());
    draft.handoff = json.value(QLatin1String("handoff")).toBool();
    draft.streaming = streaming;
    draft.fallback = json.value(QLatin1String("fallback")).toBool();
    return draft;
}

QJsonObject draftToJson(const Draft &draft)
{
    return {{QLatin1String("id"), draft.id},
            {QLatin1String("for_message_id"), draft.forMessageId},
            {QLatin1String("text"), draft.text},
            {QLatin1String("confidence"), draft.confidence},
            {QLatin1String("sources"), QJsonArray::fromStringList(draft.sources)},
            {QLatin1String("handoff"), draft.handoff},
            {QLatin1String("fallback"), draft.fallback},
            {QLatin1String("state"),
             draft.streaming ? QLatin1String("streaming") : QLatin1String("pending")}};
}

} // namespace Serambi::App
