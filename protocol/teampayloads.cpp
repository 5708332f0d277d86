#include "teampayloads.h"

#include "keys.h"

namespace Serambi::Protocol {

namespace {
const QLatin1String AuthorKey("author");
const QLatin1String UpdatedAtKey("updated_at");
const QLatin1String OnlineKey("online");
const QLatin1String CategoryKey("category");
const QLatin1String StatusKey("status");
const QLatin1String ParameterFormatKey("parameter_format");
const QLatin1String ComponentsKey("components");
} // namespace

QJsonObject UserPayload::toJson() const
{
    QJsonObject json{{Key::Id, id},
                     {Key::Username, username},
                     {Key::DisplayName, displayName},
                     {Key::Role, role}};
    if (online)
        json.insert(OnlineKey, *online);
    if (presence)
        json.insert(Key::Presence, presenceName(*presence));
    if (!teams.isEmpty())
        json.insert(Key::Teams, QJsonArray::fromStringList(teams));
    return json;
}

UserPayload UserPayload::fromJson(const QJsonObject &json)
{
    UserPayload user;
    user.id = json.value(Key::Id).toInteger();
    user.username = json.value(Key::Username).toString();
    user.displayName = json.value(Key::DisplayName).toString();
    user.role = json.value(Key::Role).toString();
    const QJsonValue online = json.value(OnlineKey);
    if (online.isBool())
        user.online = online.toBool();
    user.presence = presenceFromName(json.value(Key::Presence).toString());
    for (const QJsonValue &team : json.value(Key::Teams).toArray())
        user.teams.append(team.toString());
    return user;
}

bool UserPayload::operator==(const UserPayload &other) const
{
    return id == other.id && username == other.username && displayName == other.displayName &&
           role == other.role && online == other.online && presence == other.presence &&
           teams == other.teams;
}

QJsonObject CannedPayload::toJson() const
{
    return {{Key::Id, id},
            {Key::Shortcut, shortcut},
            {Key::Title, title},
            {Key::Text, text},
            {AuthorKey, QJsonObject{{Key::Id, authorId}, {Key::DisplayName, authorName}}},
            {UpdatedAtKey, updatedAt}};
}

CannedPayload CannedPayload::fromJson(const QJsonObject &json)
{
    CannedPayload canned;
    canned.id = json.value(Key::Id).toInteger();
    canned.shortcut = json.value(Key::Shortcut).toString();
    canned.title = json.value(Key::Title).toString();
    canned.text = json.value(Key::Text).toString();
    const QJsonObject author = json.value(AuthorKey).toObject();
    canned.authorId = author.value(Key::Id).toInteger();
    canned.authorName = author.value(Key::DisplayName).toString();
    canned.updatedAt = json.value(UpdatedAtKey).toInteger();
    return canned;
}

bool CannedPayload::operator==(const CannedPayload &other) const
{
    return id == other.id && shortcut == other.shortcut && title == other.title &&
           text == other.text && authorId == other.authorId && authorName == other.authorName &&
           updatedAt == other.updatedAt;
}

QJsonObject TemplatePayload::toJson() const
{
    return {{Key::Name, name},
            {Key::Language, language},
            {CategoryKey, category},
            {StatusKey, status},
            {ParameterFormatKey, parameterFormat},
            {ComponentsKey, components}};
}

TemplatePayload TemplatePayload::fromJson(const QJsonObject &json)
{
    TemplatePayload result;
    result.name = json.value(Key::Name).toString();
    result.language = json.value(Key::Language).toString();
    result.category = json.value(CategoryKey).toString();
    result.status = json.value(StatusKey).toString();
    result.parameterFormat = json.value(ParameterFormatKey).toString();
    result.components = json.value(ComponentsKey).toArray();
    return result;
}

bool TemplatePayload::operator==(const TemplatePayload &other) const
{
    return name == other.name && language == other.language && category == other.category &&
           status == other.status && parameterFormat == other.parameterFormat &&
           components == other.components;
}

} // namespace Serambi::Protocol
