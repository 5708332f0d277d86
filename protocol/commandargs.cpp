#include "commandargs.h"

#include "interactivelimits.h"
#include "medialimits.h"

#include <QJsonArray>

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace Serambi::Protocol {

namespace {

namespace Limits = ArgumentLimits;
namespace Interactive = InteractiveLimits;

// What one JSON value may be. Null counts as absent everywhere (handlers treat it so).
struct Node
{
    enum class Kind { Object, Array, String, Wamid, Filename, MediaKey, Number, Bool, Index };
    Kind kind = Kind::String;
    int maxLength = 0; // String: code points; Array: items
    std::vector<std::pair<const char *, Node>> fields;
    std::shared_ptr<const Node> element;
    // Only unknown keys and gross sizes are refused; types and Meta's exact limits are left to a
    // checker with better messages (checkInteractive).
    bool lenient = false;
};

Node string(int maxLength)
{
    return {Node::Kind::String, maxLength, {}, {}};
}
Node number()
{
    return {Node::Kind::Number, 0, {}, {}};
}
// A number, or a short string of one (a template button's index).
Node index()
{
    return {Node::Kind::Index, 4, {}, {}};
}
Node boolean()
{
    return {Node::Kind::Bool, 0, {}, {}};
}
Node wamid()
{
    return {Node::Kind::Wamid, Limits::Wamid, {}, {}};
}
Node filename()
{
    return {Node::Kind::Filename, Limits::Filename, {}, {}};
}
Node mediaKey()
{
    return {Node::Kind::MediaKey, 64, {}, {}};
}
Node object(std::vector<std::pair<const char *, Node>> fields)
{
    return {Node::Kind::Object, 0, std::move(fields), {}};
}
Node array(Node element, int maxItems = Limits::MaxArrayItems)
{
    return {Node::Kind::Array, maxItems, {}, std::make_shared<const Node>(std::move(element))};
}

// Meta's objects by id or link: never a relay media key.
Node metaMedia()
{
    return object({{"id", string(128)}, {"link", string(Limits::Url)}});
}

Node text(int maxLength)
{
    return object({{"text", string(maxLength)}});
}

// node and everything in it lenient: strings up to the longest interactive text, arrays up to
// MaxArrayItems.
Node lenient(Node node)
{
    node.lenient = true;
    if (node.kind == Node::Kind::String)
        node.maxLength = Interactive::ListBody;
    if (node.kind == Node::Kind::Array) {
        node.maxLength = Limits::MaxArrayItems;
        node.element = std::make_shared<const Node>(lenient(*node.element));
    }
    for (auto &field : node.fields)
        field.second = lenient(field.second);
    return node;
}

// whatsapp-cloud-api.md §8.3: button, list and cta_url, as Meta defines them. Only the keys are
// checked here; checkInteractive checks types and limits with Meta's paths.
Node interactive()
{
    const Node reply = object(
        {{"id", string(Interactive::ButtonId)}, {"title", string(Interactive::ButtonTitle)}});
    const Node row = object({{"id", string(Interactive::RowId)},
                             {"title", string(Interactive::RowTitle)},
                             {"description", string(Interactive::RowDescription)}});
    const Node section = object(
        {{"title", string(Interactive::SectionTitle)}, {"rows", array(row, Interactive::MaxRows)}});
    const Node action =
        object({{"buttons",
                 array(object({{"type", string(16)}, {"reply", reply}}), Interactive::MaxButtons)},
                {"button", string(Interactive::ListButtonLabel)},
                {"sections", array(section, Interactive::MaxSections)},
                {"name", string(16)},
                {"parameters", object({{"display_text", string(Interactive::CtaDisplayText)},
                                       {"url", string(Limits::Url)}})}});
    return lenient(object({{"type", string(16)},
                           {"header", object({{"type", string(16)},
                                              {"text", string(Interactive::HeaderText)},
                                              {"image", metaMedia()},
                                              {"video", metaMedia()},
                                              {"document", metaMedia()}})},
                           {"body", text(Interactive::ListBody)},
                           {"footer", text(Interactive::Footer)},
                           {"action", action}}));
}

// docs/protocol.md, send_template: header and body parameters as Meta defines them, a header's
// media by the relay key (checked like send_media's) or by Meta's id or link.
Node templateParameters()
{
    const Node parameter =
        object({{"type", string(16)},
                {"text", string(Limits::TemplateParameter)},
                {"parameter_name", string(64)},
                {"media", mediaKey()},
                {"image", metaMedia()},
                {"video", metaMedia()},
                {"document", metaMedia()},
                {"currency", object({{"fallback_value", string(Limits::TemplateParameter)},
                                     {"code", string(8)},
                                     {"amount_1000", number()}})},
                {"date_time", object({{"fallback_value", string(Limits::TemplateParameter)}})}});
    const Node button = object({{"index", index()},
                                {"payload", string(Limits::TemplateParameter)},
                                {"text", string(Limits::TemplateParameter)}});
    return object({{"header", array(parameter, 1)},
                   {"body", array(parameter)},
                   {"buttons", array(button, 10)}});
}

// The arguments each command takes (docs/protocol.md's tables).
Node argumentsOf(Command command)
{
    const std::pair<const char *, Node> conversation{"conversation_id", number()};
    switch (command) {
    case Command::SendText:
        return object({conversation,
                       {"text", string(Limits::Text)},
                       {"reply_to", wamid()},
                       {"draft_id", number()}});
    case Command::MarkRead:
        return object({conversation, {"message_id", number()}});
    case Command::TakeOver:
        return object({conversation, {"ai_mode", string(16)}});
    case Command::HandBack:
        return object({conversation});
    case Command::Resolve:
        return object({conversation});
    case Command::Assign:
        return object({conversation, {"username", string(Limits::Username)}});
    case Command::SetAiMode:
        return object({conversation, {"mode", string(16)}});
    case Command::DiscardDraft:
        return object({conversation, {"draft_id", number()}});
    case Command::RegenerateDraft:
        return object({conversation});
    case Command::History:
        return object({conversation, {"before_id", number()}, {"limit", number()}});
    case Command::ListAgents:
        return object({});
    case Command::Typing:
        return object({conversation});
    case Command::SendMedia:
        return object({conversation,
                       {"media", mediaKey()},
                       {"caption", string(Limits::Caption)},
                       {"filename", filename()},
                       {"voice", boolean()},
                       {"reply_to", wamid()}});
    case Command::RetryMedia:
        return object({conversation, {"message_id", number()}});
    case Command::SendInteractive:
        return object({conversation,
                       {"interactive", interactive()},
                       {"reply_to", wamid()},
                       {"draft_id", number()}});
    case Command::SendTemplate:
        return object({conversation,
                       {"name", string(Limits::TemplateName)},
                       {"language", string(Limits::Language)},
                       {"parameters", templateParameters()}});
    case Command::SendReaction:
        return object({conversation, {"message_id", number()}, {"emoji", string(16)}});
    case Command::ListTemplates:
        return object({});
    case Command::SyncTemplates:
        return object({});
    case Command::ListCanned:
        return object({});
    case Command::SaveCanned:
        return object({{"id", number()},
                       {"shortcut", string(32)},
                       {"title", string(80)},
                       {"text", string(Limits::Text)}});
    case Command::DeleteCanned:
        return object({{"id", number()}});
    case Command::ListKbSuggestions:
        return object({});
    case Command::DismissKbSuggestions:
        return object({{"ids", array(number(), Limits::KbSuggestionIds)}});
    case Command::ListArticles:
        return object({});
    case Command::SaveArticle:
        return object({{"id", string(Limits::ArticleId)},
                       {"title", string(Limits::ArticleTitle)},
                       {"tags", array(string(Limits::ArticleTag))},
                       {"questions", array(string(Limits::ArticleQuestion))},
                       {"body", string(Limits::ArticleBody)}});
    case Command::DeleteArticle:
        return object({{"id", string(Limits::ArticleId)}});
    case Command::ListArticleVersions:
        return object({{"id", string(Limits::ArticleId)}});
    case Command::KbPreview:
        return object({{"text", string(Limits::Text)}});
    case Command::CustomerOrders:
        return object({conversation});
    case Command::Logout:
        return object({});
    case Command::AddNote:
        return object({conversation, {"text", string(Limits::Text)}});
    case Command::ListNotes:
        return object({conversation});
    case Command::ListMentions:
        return object({});
    case Command::Transfer:
        return object({conversation,
                       {"username", string(Limits::Username)},
                       {"team", string(Limits::TeamName)},
                       {"note", string(Limits::Text)}});
    case Command::Report:
        return object({{"from", string(10)},
                       {"to", string(10)},
                       {"agent", string(Limits::Username)},
                       {"team", string(Limits::TeamName)}});
    case Command::ListAudit:
        return object({{"limit", number()}, {"offset", number()}});
    case Command::KbGaps:
        return object({{"days", number()}});
    case Command::ImportArticles:
        return object({{"files", array(object({{"name", string(Limits::Filename)},
                                               {"content", string(Limits::ImportFile)}}),
                                       Limits::ImportFiles)},
                       {"apply", boolean()}});
    case Command::ListLabels:
        return object({});
    case Command::SaveLabel:
        return object(
            {{"id", number()}, {"name", string(Limits::LabelName)}, {"color", string(16)}});
    case Command::DeleteLabel:
        return object({{"id", number()}});
    case Command::SetConversationLabels:
        return object({conversation, {"add", array(number())}, {"remove", array(number())}});
    case Command::SetPresence:
        return object({{"presence", string(16)}, {"username", string(Limits::Username)}});
    case Command::ListTeams:
        return object({});
    }
    Q_UNREACHABLE();
    return {};
}

const Node &shapeOf(Command command)
{
    static const std::map<Command, Node> all = [] {
        std::map<Command, Node> map;
        for (const Command c : allCommands())
            map.emplace(c, argumentsOf(c));
        return map;
    }();
    return all.at(command);
}

bool isWamid(const QString &value)
{
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                        (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u'-' ||
                        u == u'=' || u == u'+' || u == u'/' || u == u':';
        if (!ok)
            return false;
    }
    return !value.isEmpty();
}

bool isFilename(const QString &value)
{
    if (value == QLatin1String(".") || value == QLatin1String(".."))
        return false;
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return false;
    }
    return true;
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

std::optional<QString> check(const Node &node, const QJsonValue &value, const QString &path);

std::optional<QString> checkObject(const Node &node, const QJsonObject &object, const QString &path)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const Node *field = nullptr;
        for (const auto &[name, child] : node.fields) {
            if (it.key() == QLatin1String(name)) {
                field = &child;
                break;
            }
        }
        // Names come from the client: bounded before they go into a message.
        const QString key = it.key().left(64);
        if (!field)
            return join(path, key) + QStringLiteral(": unknown field");
        if (auto problem = check(*field, it.value(), join(path, key)))
            return problem;
    }
    return std::nullopt;
}

std::optional<QString> check(const Node &node, const QJsonValue &value, const QString &path)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const auto wrong = [&path, &node](const char *what) -> std::optional<QString> {
        if (node.lenient)
            return std::nullopt;
        return path + QStringLiteral(": must be ") + QLatin1String(what);
    };
    switch (node.kind) {
    case Node::Kind::Object:
        if (!value.isObject())
            return wrong("an object");
        return checkObject(node, value.toObject(), path);
    case Node::Kind::Array: {
        if (!value.isArray())
            return wrong("an array");
        const QJsonArray items = value.toArray();
        if (items.size() > node.maxLength)
            return path + QStringLiteral(": at most %1 items").arg(node.maxLength);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (auto problem =
                    check(*node.element, items.at(i), path + QStringLiteral("[%1]").arg(i)))
                return problem;
        }
        return std::nullopt;
    }
    case Node::Kind::Number:
        return value.isDouble() ? std::nullopt : wrong("a number");
    case Node::Kind::Bool:
        return value.isBool() ? std::nullopt : wrong("true or false");
    case Node::Kind::Index:
        if (value.isDouble())
            return std::nullopt;
        break;
    case Node::Kind::String:
    case Node::Kind::Wamid:
    case Node::Kind::Filename:
    case Node::Kind::MediaKey:
        break;
    }
    if (!value.isString())
        return wrong("a string");
    const QString string = value.toString();
    // Cheap bound first: a code point is at most two UTF-16 units.
    if (string.size() > 2 * node.maxLength || characterCount(string) > node.maxLength)
        return path + QStringLiteral(": at most %1 characters").arg(node.maxLength);
    if (node.kind == Node::Kind::Wamid && !isWamid(string))
        return wrong("a WhatsApp message id");
    if (node.kind == Node::Kind::Filename && !isFilename(string))
        return wrong("a file name without a path or control characters");
    if (node.kind == Node::Kind::MediaKey && !isMediaKey(string))
        return wrong("a key from POST /media");
    return std::nullopt;
}

} // namespace

std::optional<QString> checkCommandArguments(Command command, const QJsonObject &args)
{
    return checkObject(shapeOf(command), args, QString());
}

} // namespace Serambi::Protocol
