#include "labels.h"

#include "relayclient.h"

#include "protocol/events.h"
#include "protocol/keys.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Serambi::App {

namespace Key = Protocol::Key;

namespace {
const QString Unreachable = QStringLiteral("unreachable");

bool byName(const Label &a, const Label &b)
{
    const int order = a.name.compare(b.name, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a.id < b.id;
}
} // namespace

Labels::Labels(RelayClient *relay, QObject *parent) : QObject(parent), m_relay(relay)
{
    connect(m_relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        if (status.state != ConnectionState::Online)
            return;
        m_relay->request(Protocol::Command::ListLabels, {}, this, [this](const RelayResult &r) {
            if (r.ok)
                handleList(r.data);
        });
    });
    connect(m_relay, &RelayClient::eventReceived, this, &Labels::handleEvent);
}

std::optional<Label> Labels::byId(qint64 id) const
{
    for (const Label &label : m_items) {
        if (label.id == id)
            return label;
    }
    return std::nullopt;
}

LabelList Labels::ofIds(const QList<qint64> &ids) const
{
    LabelList found;
    for (const Label &label : m_items) {
        if (ids.contains(label.id))
            found.append(label);
    }
    return found;
}

bool Labels::save(qint64 id, const QString &name, const QString &color)
{
    QJsonObject args{{Key::Name, name}, {Key::Color, color}};
    if (id != 0)
        args.insert(Key::Id, id);
    const bool sent = m_relay->request(
        Protocol::Command::SaveLabel, args, this, [this](const RelayResult &result) {
            if (result.lost)
                return;
            if (!result.ok) {
                Q_EMIT saveFailed(result.errorCode);
                return;
            }
            const Label label = Label::fromJson(result.data.value(Key::Label).toObject());
            upsert(label);
            Q_EMIT changed();
            Q_EMIT saved(label);
        });
    if (!sent)
        Q_EMIT saveFailed(Unreachable);
    return sent;
}

bool Labels::remove(qint64 id)
{
    const bool sent = m_relay->request(
        Protocol::Command::DeleteLabel, {{Key::Id, id}}, this, [this](const RelayResult &result) {
            if (result.lost)
                return;
            if (!result.ok) {
                Q_EMIT removeFailed(result.errorCode);
                return;
            }
            const qint64 removed = result.data.value(Key::Id).toInteger();
            m_items.removeIf([removed](const Label &l) { return l.id == removed; });
            Q_EMIT changed();
        });
    if (!sent)
        Q_EMIT removeFailed(Unreachable);
    return sent;
}

bool Labels::setOnConversation(qint64 conversationId, const QList<qint64> &add,
                               const QList<qint64> &remove)
{
    QJsonObject args{{Key::ConversationId, conversationId}};
    if (!add.isEmpty())
        args.insert(Key::Add, Protocol::labelIdsToJson(add));
    if (!remove.isEmpty())
        args.insert(Key::Remove, Protocol::labelIdsToJson(remove));
    const bool sent = m_relay->request(Protocol::Command::SetConversationLabels, args, this,
                                       [this](const RelayResult &result) {
                                           if (!result.lost && !result.ok)
                                               Q_EMIT labellingFailed(result.errorCode);
                                       });
    if (!sent)
        Q_EMIT labellingFailed(Unreachable);
    return sent;
}

void Labels::handleList(const QJsonObject &data)
{
    m_items.clear();
    for (const QJsonValue &value : data.value(Key::Labels).toArray())
        upsert(Label::fromJson(value.toObject()));
    Q_EMIT changed();
}

void Labels::handleEvent(qint64, const QString &kind, qint64, const QJsonObject &data)
{
    const std::optional<Protocol::EventKind> known = Protocol::eventKindFromName(kind);
    if (known != Protocol::EventKind::LabelUpdated && known != Protocol::EventKind::LabelDeleted)
        return;
    const Protocol::LabelChangePayload change = Protocol::LabelChangePayload::fromJson(data);
    if (known == Protocol::EventKind::LabelUpdated)
        upsert(change.label);
    else
        m_items.removeIf([&change](const Label &l) { return l.id == change.label.id; });
    Q_EMIT changed();
}

void Labels::upsert(const Label &label)
{
    m_items.removeIf([&label](const Label &l) { return l.id == label.id; });
    m_items.insert(std::lower_bound(m_items.begin(), m_items.end(), label, byName), label);
}

} // namespace Serambi::App
