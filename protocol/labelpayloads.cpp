#include "labelpayloads.h"

#include "keys.h"

#include <QJsonArray>

namespace Serambi::Protocol {

namespace {
const QLatin1String ByKey("by");
const QLatin1String AddedKey("added");
const QLatin1String RemovedKey("removed");
} // namespace

QJsonObject LabelPayload::toJson() const
{
    return {{Key::Id, id}, {Key::Name, name}, {Key::Color, color}};
}

LabelPayload LabelPayload::fromJson(const QJsonObject &json)
{
    LabelPayload label;
    label.id = json.value(Key::Id).toInteger();
    label.name = json.value(Key::Name).toString();
    label.color = json.value(Key::Color).toString();
    return label;
}

bool LabelPayload::operator==(const LabelPayload &other) const
{
    return id == other.id && name == other.name && color == other.color;
}

QJsonObject ActorPayload::toJson() const
{
    return {{Key::Id, id}, {Key::DisplayName, displayName}};
}

ActorPayload ActorPayload::fromJson(const QJsonObject &json)
{
    return {json.value(Key::Id).toInteger(), json.value(Key::DisplayName).toString()};
}

bool ActorPayload::operator==(const ActorPayload &other) const
{
    return id == other.id && displayName == other.displayName;
}

QJsonObject LabelChangePayload::toJson() const
{
    return {{Key::Label, label.toJson()}, {ByKey, by.toJson()}};
}

LabelChangePayload LabelChangePayload::fromJson(const QJsonObject &json)
{
    return {LabelPayload::fromJson(json.value(Key::Label).toObject()),
            ActorPayload::fromJson(json.value(ByKey).toObject())};
}

bool LabelChangePayload::operator==(const LabelChangePayload &other) const
{
    return label == other.label && by == other.by;
}

QJsonObject ConversationLabelsPayload::toJson() const
{
    return {{Key::ConversationId, conversationId},
            {Key::Labels, labelIdsToJson(labels)},
            {AddedKey, labelIdsToJson(added)},
            {RemovedKey, labelIdsToJson(removed)},
            {ByKey, by.toJson()}};
}

ConversationLabelsPayload ConversationLabelsPayload::fromJson(const QJsonObject &json)
{
    ConversationLabelsPayload change;
    change.conversationId = json.value(Key::ConversationId).toInteger();
    change.labels = labelIdsFromJson(json.value(Key::Labels));
    change.added = labelIdsFromJson(json.value(AddedKey));
    change.removed = labelIdsFromJson(json.value(RemovedKey));
    change.by = ActorPayload::fromJson(json.value(ByKey).toObject());
    return change;
}

bool ConversationLabelsPayload::operator==(const ConversationLabelsPayload &other) const
{
    return conversationId == other.conversationId && labels == other.labels &&
           added == other.added && removed == other.removed && by == other.by;
}

QJsonArray labelIdsToJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

QList<qint64> labelIdsFromJson(const QJsonValue &json)
{
    QList<qint64> ids;
    for (const QJsonValue &id : json.toArray())
        ids.append(id.toInteger());
    return ids;
}

} // namespace Serambi::Protocol
