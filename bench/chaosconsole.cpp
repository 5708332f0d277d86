#include "chaosconsole.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>

namespace Serambi::Bench {

namespace {
constexpr int ReconnectMs = 200;
constexpr int CommandMinMs = 300;
constexpr int CommandJitterMs = 400;
constexpr int HistoryLimit = 200;

QLatin1String key(const char *name)
{
    return QLatin1String(name);
}
} // namespace

ChaosConsole::ChaosConsole(const QUrl &url, const QString &username, const QString &password,
                           const QString &customerWaId, int index, QObject *parent)
    : QObject(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_reconnect(new QTimer(this))
    , m_commandTimer(new QTimer(this))
    , m_url(url)
    , m_username(username)
    , m_password(password)
    , m_customerWaId(customerWaId)
    , m_index(index)
{
    m_socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    m_reconnect->setSingleShot(true);
    m_reconnect->setInterval(ReconnectMs);
    connect(m_reconnect, &QTimer::timeout, this, &ChaosConsole::connectSocket);
    m_commandTimer->setSingleShot(true);
    connect(m_commandTimer, &QTimer::timeout, this, &ChaosConsole::sendNextCommand);
    connect(m_socket, &QWebSocket::connected, this, &ChaosConsole::handleConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &ChaosConsole::handleDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ChaosConsole::handleText);
}

void ChaosConsole::start()
{
    connectSocket();
}

void ChaosConsole::stopCommands()
{
    m_sendCommands = false;
}

bool ChaosConsole::idle() const
{
    return m_pending.isEmpty();
}

QHash<qint64, QJsonObject> ChaosConsole::conversations() const
{
    QHash<qint64, QJsonObject> out;
    for (auto it = m_conversations.begin(); it != m_conversations.end(); ++it)
        out.insert(it.key(), comparable(it.value()));
    return out;
}

QJsonObject ChaosConsole::comparable(const QJsonObject &conversation)
{
    QJsonObject out;
    for (const char *name : {"id", "state", "ai_mode", "assignee", "handoff_reason",
                             "last_inbound_at", "last_message_at", "unread"})
        out.insert(key(name), conversation.value(key(name)));
    out.insert(key("last_message_id"),
               conversation.value(key("last_message")).toObject().value(key("id")));
    return out;
}

void ChaosConsole::connectSocket()
{
    m_subscribed = false;
    m_socket->open(m_url);
}

void ChaosConsole::handleConnected()
{
    ++m_stats.connects;
    QJsonObject hello{{key("type"), key("hello")},
                      {key("v"), 1},
                      {key("client"), QStringLiteral("serambi-relay-chaos")}};
    if (m_token.isEmpty())
        hello.insert(key("login"),
                     QJsonObject{{key("username"), m_username}, {key("password"), m_password}});
    else
        hello.insert(key("token"), m_token);
    sendFrame(hello);
}

void ChaosConsole::handleDisconnected()
{
    m_subscribed = false;
    if (!m_pending.isEmpty())
        m_pending.insert(key("sent"), false); // its result may be lost: send it again
    m_commandTimer->stop();
    m_reconnect->start();
}

void ChaosConsole::sendFrame(const QJsonObject &frame)
{
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void ChaosConsole::handleText(const QString &text)
{
    ++m_stats.frames;
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(key("type")).toString();
    if (type == QLatin1String("event")) {
        handleEvent(frame);
    } else if (type == QLatin1String("result")) {
        handleResult(frame);
    } else if (type == QLatin1String("welcome")) {
        const QString token = frame.value(key("token")).toString();
        if (!token.isEmpty())
            m_token = token;
        sendFrame({{key("type"), key("subscribe")}, {key("since"), double(m_lastSeq)}});
    } else if (type == QLatin1String("snapshot")) {
        ++m_stats.snapshots;
        m_conversations.clear();
        const QJsonArray list = frame.value(key("conversations")).toArray();
        for (const QJsonValue &value : list)
            applyConversation(value.toObject());
        m_lastSeq = qint64(frame.value(key("seq")).toDouble());
        m_subscribed = true;
        // A snapshot carries no messages: the statuses of this console's own messages come
        // from its conversation's history.
        if (m_conversationId > 0)
            sendFrame(
                {{key("type"), key("command")},
                 {key("id"), QStringLiteral("history-%1-%2").arg(m_index).arg(m_stats.snapshots)},
                 {key("name"), key("history")},
                 {key("args"), QJsonObject{{key("conversation_id"), double(m_conversationId)},
                                           {key("limit"), HistoryLimit}}}});
    } else if (type == QLatin1String("subscribed")) {
        m_lastSeq = qMax(m_lastSeq, qint64(frame.value(key("seq")).toDouble()));
        m_subscribed = true;
    } else if (type == QLatin1String("error")) {
        const QString code = frame.value(key("code")).toString();
        if (code == QLatin1String("auth_failed"))
            m_token.clear(); // log in with the password again
        if (m_stats.error.isEmpty() && code != QLatin1String("auth_failed"))
            m_stats.error = QStringLiteral("error frame %1").arg(code);
    }
    if (!m_subscribed)
        return;
    if (!m_pending.isEmpty()) {
        if (!m_pending.value(key("sent")).toBool()) {
            m_pending.insert(key("sent"), true);
            ++m_stats.resends;
            ++m_stats.commandsSent;
            QJsonObject frameToSend = m_pending;
            frameToSend.remove(key("sent"));
            sendFrame(frameToSend);
        }
    } else if (m_sendCommands && m_conversationId > 0 && !m_commandTimer->isActive()) {
        m_commandTimer->start(CommandMinMs +
                              int(QRandomGenerator::global()->bounded(CommandJitterMs)));
    }
}

void ChaosConsole::handleEvent(const QJsonObject &frame)
{
    const QJsonValue seqValue = frame.value(key("seq"));
    if (seqValue.isDouble()) {
        const qint64 seq = qint64(seqValue.toDouble());
        if (seq <= m_lastSeq)
            ++m_stats.seqGoingBack;
        m_lastSeq = qMax(m_lastSeq, seq);
    }
    const QString kind = frame.value(key("kind")).toString();
    const QJsonObject data = frame.value(key("data")).toObject();
    if (kind == QLatin1String("conversation.updated")) {
        applyConversation(data);
    } else if (kind == QLatin1String("message.created") ||
               kind == QLatin1String("message.updated")) {
        const qint64 conversation = qint64(data.value(key("conversation_id")).toDouble());
        if (conversation == m_conversationId && m_conversationId > 0 &&
            data.value(key("direction")).toString() == QLatin1String("out"))
            m_ownMessages[qint64(data.value(key("id")).toDouble())] =
                data.value(key("status")).toString();
    }
}

void ChaosConsole::applyConversation(const QJsonObject &conversation)
{
    const qint64 id = qint64(conversation.value(key("id")).toDouble());
    const QJsonValue assignee = conversation.value(key("assignee"));
    if (!assignee.isNull() && assignee.toString() != m_username) {
        // Moved to another agent: the console drops it.
        m_conversations.remove(id);
        return;
    }
    m_conversations.insert(id, conversation);
    const QString waId =
        conversation.value(key("contact")).toObject().value(key("wa_id")).toString();
    if (m_conversationId == 0 && waId == m_customerWaId)
        m_conversationId = id;
}

void ChaosConsole::handleResult(const QJsonObject &frame)
{
    const QString id = frame.value(key("id")).toString();
    const QJsonObject data = frame.value(key("data")).toObject();
    if (id.startsWith(QLatin1String("history-"))) {
        const QJsonArray messages = data.value(key("messages")).toArray();
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            if (message.value(key("direction")).toString() == QLatin1String("out"))
                m_ownMessages[qint64(message.value(key("id")).toDouble())] =
                    message.value(key("status")).toString();
        }
        return;
    }
    if (m_pending.isEmpty() || id != m_pending.value(key("id")).toString())
        return;
    if (frame.value(key("ok")).toBool()) {
        ++m_stats.applied;
        const QJsonObject message = data.value(key("message")).toObject();
        m_appliedTexts.insert(
            id, m_pending.value(key("args")).toObject().value(key("text")).toString());
        const qint64 messageId = qint64(message.value(key("id")).toDouble());
        if (messageId > 0 && !m_ownMessages.count(messageId))
            m_ownMessages[messageId] = message.value(key("status")).toString();
    } else {
        const QString code = frame.value(key("error")).toObject().value(key("code")).toString();
        if (code == QLatin1String("internal")) {
            // Nothing was applied: the same command again.
            m_pending.insert(key("sent"), false);
            return;
        }
        ++m_stats.refused;
        if (m_stats.error.isEmpty())
            m_stats.error = QStringLiteral("send_text refused: %1").arg(code);
    }
    m_pending = {};
}

void ChaosConsole::sendNextCommand()
{
    if (!m_subscribed || !m_pending.isEmpty() || !m_sendCommands || m_conversationId == 0)
        return;
    const QString id = QStringLiteral("chaos-%1-%2").arg(m_index).arg(m_nextCommand);
    const QString text =
        QStringLiteral("chaos %1 %2 sudah kami proses ya kak").arg(m_index).arg(m_nextCommand);
    ++m_nextCommand;
    m_pending = {{key("type"), key("command")},
                 {key("id"), id},
                 {key("name"), key("send_text")},
                 {key("args"), QJsonObject{{key("conversation_id"), double(m_conversationId)},
                                           {key("text"), text}}}};
    ++m_stats.commandsSent;
    sendFrame(m_pending);
    m_pending.insert(key("sent"), true);
}

} // namespace Serambi::Bench
