#include "draft.h"

namespace Serambi::App {

std::optional<Draft> draftFromJson(qint64 conversationId, const QJsonValue &json)
{
    const auto payload = Protocol::DraftPayload::fromJson(json);
    if (!payload || !payload->isOpen())
        return std::nullopt;
    Draft draft;
    draft.id = payload->id;
    draft.conversationId = conversationId;
    draft.forMessageId = payload->forMessageId;
    draft.text = payload->text;
    draft.confidence = payload->confidence;
    draft.sources = payload->sources;
    draft.handoff = payload->handoff;
    draft.streaming = payload->state == Protocol::DraftState::Streaming;
    draft.fallback = payload->fallback;
    return draft;
}

QJsonObject draftToJson(const Draft &draft)
{
    return Protocol::DraftPayload{draft.id,
                                  draft.conversationId,
                                  draft.forMessageId,
                                  draft.text,
                                  draft.confidence,
                                  draft.sources,
                                  draft.handoff,
                                  draft.fallback,
                                  draft.streaming ? Protocol::DraftState::Streaming
                                                  : Protocol::DraftState::Pending}
        .toJson();
}

} // namespace Serambi::App
