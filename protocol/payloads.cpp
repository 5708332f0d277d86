#include "payloads.h"

#include "keys.h"
#include "labelpayloads.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace Serambi::Protocol {

namespace {

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QString stringOf(const QJsonObject &json, QLatin1String key)
{
    return json.value(key).toString();
}

template<typename Enum, std::size_t N>
QLatin1String nameIn(const std::array<std::pair<Enum, QLatin1String>, N> &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return name;
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueIn(const std::array<std::pair<Enum, QLatin1String>, N> &table,
                            const QString &name)
{
    for (const auto &[v, text] : table) {
        if (name == text)
            return v;
    }
    return std::nullopt;
}

const std::array<std::pair<Direction, QLatin1String>, 2> DirectionNames{{
    {Direction::In, QLatin1String("in")},
    {Direction::Out, QLatin1String("out")},
}};

const std::array<std::pair<DraftState, QLatin1String>, 6> DraftStateNames{{
    {DraftState::Streaming, QLatin1String("streaming")},
    {DraftState::Pending, QLatin1String("pending")},
    {DraftState::Approved, QLatin1String("approved")},
    {DraftState::Discarded, QLatin1String("discarded")},
    {DraftState::Superseded, QLatin1String("superseded")},
    {DraftState::Requested, QLatin1String("requested")},
}};

} // namespace

QLatin1String directionName(Direction direction)
{
    return nameIn(DirectionNames, direction);
}

std::optional<Direction> directionFromName(const QString &name)
{
    return valueIn(DirectionNames, name);
}

QLatin1String draftStateName(DraftState state)
{
    return nameIn(DraftStateNames, state);
}

std::optional<DraftState> draftStateFromName(const QString &name)
{
    return valueIn(DraftStateNames, name);
}

QJsonObject ContactPayload::toJson() const
{
    return {{QLatin1String("wa_id"), stringOrNull(waId)},
            {QLatin1String("user_id"), stringOrNull(userId)},
            {QLatin1String("name"), name},
            {QLatin1String("username"), stringOrNull(username)}};
}

ContactPayload ContactPayload::fromJson(const QJsonObject &json)
{
    ContactPayload contact;
    contact.waId = stringOf(json, QLatin1String("wa_id"));
    contact.userId = stringOf(json, QLatin1String("user_id"));
    contact.name = stringOf(json, QLatin1String("name"));
    contact.username = stringOf(json, QLatin1String("username"));
    return contact;
}

bool ContactPayload::operator==(const ContactPayload &other) const
{
    return waId == other.waId && userId == other.userId && name == other.name &&
           username == other.username;
}

QJsonObject MediaPayload::toJson() const
{
    QJsonObject json{{QLatin1String("state"), state}, {QLatin1String("mime_type"), mimeType}};
    if (!key.isEmpty())
        json.insert(QLatin1String("key"), key);
    if (size > 0)
        json.insert(QLatin1String("size"), size);
    if (!filename.isEmpty())
        json.insert(QLatin1String("filename"), filename);
    if (!error.isEmpty())
        json.insert(QLatin1String("error"), error);
    return json;
}

MediaPayload MediaPayload::fromJson(const QJsonObject &json)
{
    MediaPayload media;
    media.state = stringOf(json, QLatin1String("state"));
    media.key = stringOf(json, QLatin1String("key"));
    media.mimeType = stringOf(json, QLatin1String("mime_type"));
    media.size = json.value(QLatin1String("size")).toInteger();
    media.filename = stringOf(json, QLatin1String("filename"));
    media.error = stringOf(json, QLatin1String("error"));
    return media;
}

bool MediaPayload::operator==(const MediaPayload &other) const
{
    return state == other.state && key == other.key && mimeType == other.mimeType &&
           size == other.size && filename == other.filename && error == other.error;
}

QJsonObject MessagePayload::toJson() const
{
    QJsonObject json{{QLatin1String("id"), id},
                     {QLatin1String("conversation_id"), conversationId},
                     {QLatin1String("wamid"), stringOrNull(wamid)},
                     {Key::Direction, directionName(direction)},
                     {QLatin1String("type"), type},
                     {QLatin1String("text"), text},
                     {QLatin1String("status"), status},
                     {QLatin1String("sender"), sender},
                     {QLatin1String("sender_name"), stringOrNull(senderName)},
                     {QLatin1String("reply_to"), stringOrNull(replyTo)},
                     {QLatin1String("timestamp"), timestamp},
                     {QLatin1String("content"), content}};
    if (hasError()) {
        json.insert(QLatin1String("error"), QJsonObject{{QLatin1String("code"), errorCode},
                                                        {QLatin1String("title"), errorTitle},
                                                        {QLatin1String("details"), errorDetails}});
    }
    if (editedAt > 0)
        json.insert(QLatin1String("edited_at"), editedAt);
    if (revokedAt > 0)
        json.insert(QLatin1String("revoked_at"), revokedAt);
    if (media)
        json.insert(QLatin1String("media"), media->toJson());
    return json;
}

MessagePayload MessagePayload::fromJson(const QJsonObject &json)
{
    MessagePayload m;
    m.id = json.value(QLatin1String("id")).toInteger();
    m.conversationId = json.value(QLatin1String("conversation_id")).toInteger();
    m.wamid = stringOf(json, QLatin1String("wamid"));
    m.direction = directionFromName(stringOf(json, Key::Direction)).value_or(Direction::In);
    m.type = stringOf(json, QLatin1String("type"));
    m.text = stringOf(json, QLatin1String("text"));
    m.status = stringOf(json, QLatin1String("status"));
    m.sender = stringOf(json, QLatin1String("sender"));
    m.senderName = stringOf(json, QLatin1String("sender_name"));
    m.replyTo = stringOf(json, QLatin1String("reply_to"));
    m.timestamp = json.value(QLatin1String("timestamp")).toInteger();
    const QJsonObject error = json.value(QLatin1String("error")).toObject();
    m.errorCode = error.value(QLatin1String("code")).toInt();
    m.errorTitle = stringOf(error, QLatin1String("title"));
    m.errorDetails = stringOf(error, QLatin1String("details"));
    m.editedAt = json.value(QLatin1String("edited_at")).toInteger();
    m.revokedAt = json.value(QLatin1String("revoked_at")).toInteger();
    m.content = json.value(QLatin1String("content")).toObject();
    const QJsonValue media = json.value(QLatin1String("media"));
    if (media.isObject())
        m.media = MediaPayload::fromJson(media.toObject());
    return m;
}

bool MessagePayload::operator==(const MessagePayload &other) const
{
    return id == other.id && conversationId == other.conversationId && wamid == other.wamid &&
           direction == other.direction && type == other.type && text == other.text &&
           status == other.status && sender == other.sender && senderName == other.senderName &&
           replyTo == other.replyTo && timestamp == other.timestamp &&
           errorCode == other.errorCode && errorTitle == other.errorTitle &&
           errorDetails == other.errorDetails && editedAt == other.editedAt &&
           revokedAt == other.revokedAt && content == other.content && media == other.media;
}

QJsonObject DraftPayload::toJson() const
{
    return {{QLatin1String("id"), id},
            {QLatin1String("conversation_id"), conversationId},
            {QLatin1String("for_message_id"), forMessageId},
            {QLatin1String("text"), text},
            {QLatin1String("confidence"), confidence},
            {QLatin1String("sources"), QJsonArray::fromStringList(sources)},
            {QLatin1String("handoff"), handoff},
            {QLatin1String("fallback"), fallback},
            {QLatin1String("state"), draftStateName(state)}};
}

std::optional<DraftPayload> DraftPayload::fromJson(const QJsonValue &value)
{
    const QJsonObject json = value.toObject();
    const auto state = draftStateFromName(stringOf(json, QLatin1String("state")));
    if (!state)
        return std::nullopt;
    DraftPayload draft;
    draft.id = json.value(QLatin1String("id")).toInteger();
    draft.conversationId = json.value(QLatin1String("conversation_id")).toInteger();
    draft.forMessageId = json.value(QLatin1String("for_message_id")).toInteger();
    draft.text = stringOf(json, QLatin1String("text"));
    draft.confidence = json.value(QLatin1String("confidence")).toDouble();
    const QJsonArray sources = json.value(QLatin1String("sources")).toArray();
    for (const QJsonValue &source : sources)
        draft.sources.append(source.toVariant().toString());
    draft.handoff = json.value(QLatin1String("handoff")).toBool();
    draft.fallback = json.value(QLatin1String("fallback")).toBool();
    draft.state = *state;
    return draft;
}

bool DraftPayload::operator==(const DraftPayload &other) const
{
    return id == other.id && conversationId == other.conversationId &&
           forMessageId == other.forMessageId && text == other.text &&
           confidence == other.confidence && sources == other.sources && handoff == other.handoff &&
           fallback == other.fallback && state == other.state;
}

QJsonObject ConversationPayload::toJson() const
{
    QJsonObject json{{QLatin1String("id"), id},
                     {QLatin1String("phone_number_id"), phoneNumberId},
                     {QLatin1String("contact"), contact.toJson()},
                     {QLatin1String("state"), conversationStateName(state)},
                     {QLatin1String("ai_mode"), aiModeName(aiMode)},
                     {QLatin1String("assignee"), stringOrNull(assignee)},
                     {QLatin1String("handoff_reason"), stringOrNull(handoffReason)},
                     {QLatin1String("last_inbound_at"), lastInboundAt},
                     {QLatin1String("last_message_at"), lastMessageAt},
                     {QLatin1String("unread"), unread},
                     {QLatin1String("draft"), draft ? QJsonValue(draft->toJson()) : QJsonValue()},
                     {QLatin1String("labels"), labelIdsToJson(labels)}};
    if (lastMessage)
        json.insert(QLatin1String("last_message"), lastMessage->toJson());
    json.insert(QLatin1String("channel"), channel);
    json.insert(QLatin1String("team"), stringOrNull(team));
    json.insert(QLatin1String("csat"),
                csatScore > 0 ? QJsonValue(QJsonObject{{QLatin1String("score"), csatScore},
                                                       {QLatin1String("rated_at"), csatRatedAt}})
                              : QJsonValue());
    return json;
}

ConversationPayload ConversationPayload::fromJson(const QJsonObject &json)
{
    ConversationPayload c;
    c.id = json.value(QLatin1String("id")).toInteger();
    c.phoneNumberId = stringOf(json, QLatin1String("phone_number_id"));
    c.contact = ContactPayload::fromJson(json.value(QLatin1String("contact")).toObject());
    conversationStateFromName(stringOf(json, QLatin1String("state")), &c.state);
    aiModeFromName(stringOf(json, QLatin1String("ai_mode")), &c.aiMode);
    c.assignee = stringOf(json, QLatin1String("assignee"));
    c.handoffReason = stringOf(json, QLatin1String("handoff_reason"));
    c.team = stringOf(json, QLatin1String("team"));
    c.lastInboundAt = json.value(QLatin1String("last_inbound_at")).toInteger();
    c.lastMessageAt = json.value(QLatin1String("last_message_at")).toInteger();
    c.unread = json.value(QLatin1String("unread")).toInt();
    const QJsonValue last = json.value(QLatin1String("last_message"));
    if (last.isObject())
        c.lastMessage = MessagePayload::fromJson(last.toObject());
    c.draft = DraftPayload::fromJson(json.value(QLatin1String("draft")));
    c.channel = stringOf(json, QLatin1String("channel"));
    c.labels = labelIdsFromJson(json.value(QLatin1String("labels")));
    const QJsonObject csat = json.value(QLatin1String("csat")).toObject();
    c.csatScore = csat.value(QLatin1String("score")).toInt();
    c.csatRatedAt = csat.value(QLatin1String("rated_at")).toInteger();
    return c;
}

bool ConversationPayload::operator==(const ConversationPayload &other) const
{
    return id == other.id && phoneNumberId == other.phoneNumberId && contact == other.contact &&
           state == other.state && aiMode == other.aiMode && assignee == other.assignee &&
           handoffReason == other.handoffReason && lastInboundAt == other.lastInboundAt &&
           lastMessageAt == other.lastMessageAt && unread == other.unread &&
           lastMessage == other.lastMessage && draft == other.draft && channel == other.channel &&
           labels == other.labels && team == other.team && csatScore == other.csatScore &&
           csatRatedAt == other.csatRatedAt;
}

} // namespace Serambi::Protocol
