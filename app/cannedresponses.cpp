#include "cannedresponses.h"

#include "relayclient.h"

#include "protocol/events.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Serambi::App {

namespace {
const QString Unreachable = QStringLiteral("unreachable");
}

CannedResponse CannedResponse::fromJson(const QJsonObject &json)
{
    CannedResponse canned;
    static_cast<Protocol::CannedPayload &>(canned) = Protocol::CannedPayload::fromJson(json);
    return canned;
}

bool CannedResponse::matches(const QString &query) const
{
    const QString q = query.trimmed();
    return q.isEmpty() || shortcut.contains(q, Qt::CaseInsensitive) ||
           title.contains(q, Qt::CaseInsensitive) || text.contains(q, Qt::CaseInsensitive);
}

CannedResponses::CannedResponses(RelayClient *relay, QObject *parent)
    : QObject(parent), m_relay(relay)
{
    connect(m_relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        if (status.state != ConnectionState::Online)
            return;
        m_relay->request(Protocol::Command::ListCanned, {}, this, [this](const RelayResult &r) {
            if (r.ok)
                handleList(r.data);
        });
    });
    connect(m_relay, &RelayClient::eventReceived, this, &CannedResponses::handleEvent);
}

CannedList CannedResponses::matching(const QString &query) const
{
    CannedList found;
    for (const CannedResponse &canned : m_items) {
        if (canned.matches(query))
            found.append(canned);
    }
    const QString q = query.trimmed();
    std::stable_sort(found.begin(), found.end(),
                     [&](const CannedResponse &a, const CannedResponse &b) {
                         return a.shortcut.startsWith(q, Qt::CaseInsensitive) &&
                                !b.shortcut.startsWith(q, Qt::CaseInsensitive);
                     });
    return found;
}

bool CannedResponses::save(qint64 id, const QString &shortcut, const QString &title,
                           const QString &text)
{
    QJsonObject args{{QStringLiteral("shortcut"), shortcut}, {QStringLiteral("text"), text}};
    if (!title.isEmpty())
        args.insert(QStringLiteral("title"), title);
    if (id != 0)
        args.insert(QStringLiteral("id"), id);
    const bool sent = m_relay->request(
        Protocol::Command::SaveCanned, args, this, [this](const RelayResult &result) {
            if (result.lost)
                return;
            if (!result.ok) {
                Q_EMIT saveFailed(result.errorCode);
                return;
            }
            const CannedResponse canned =
                CannedResponse::fromJson(result.data.value(QLatin1String("canned")).toObject());
            upsert(canned);
            Q_EMIT changed();
            Q_EMIT saved(canned);
        });
    if (!sent)
        Q_EMIT saveFailed(Unreachable);
    return sent;
}

bool CannedResponses::remove(qint64 id)
{
    const bool sent = m_relay->request(
        Protocol::Command::DeleteCanned, {{QStringLiteral("id"), id}}, this,
        [this](const RelayResult &result) {
            if (result.lost)
                return;
            if (!result.ok) {
                Q_EMIT removeFailed(result.errorCode);
                return;
            }
            const qint64 removed = result.data.value(QLatin1String("id")).toInteger();
            m_items.removeIf([removed](const CannedResponse &c) { return c.id == removed; });
            Q_EMIT changed();
        });
    if (!sent)
        Q_EMIT removeFailed(Unreachable);
    return sent;
}

void CannedResponses::handleList(const QJsonObject &data)
{
    m_items.clear();
    const QJsonArray array = data.value(QLatin1String("canned")).toArray();
    for (const auto &value : array)
        upsert(CannedResponse::fromJson(value.toObject()));
    Q_EMIT changed();
}

void CannedResponses::handleEvent(qint64, const QString &kind, qint64, const QJsonObject &data)
{
    const std::optional<Protocol::EventKind> known = Protocol::eventKindFromName(kind);
    if (known == Protocol::EventKind::CannedUpdated) {
        upsert(CannedResponse::fromJson(data));
        Q_EMIT changed();
    } else if (known == Protocol::EventKind::CannedDeleted) {
        const qint64 id = data.value(QLatin1String("id")).toInteger();
        m_items.removeIf([id](const CannedResponse &c) { return c.id == id; });
        Q_EMIT changed();
    }
}

void CannedResponses::upsert(const CannedResponse &canned)
{
    m_items.removeIf([&](const CannedResponse &c) { return c.id == canned.id; });
    const auto at = std::lower_bound(
        m_items.begin(), m_items.end(), canned,
        [](const CannedResponse &a, const CannedResponse &b) { return a.shortcut < b.shortcut; });
    m_items.insert(at, canned);
}

} // namespace Serambi::App
