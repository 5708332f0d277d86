#include "hubharness.h"

#include "ingest.h"

#include "auth/passwords.h"
#include "protocol/frame.h"
#include "protocol/types.h"
#include "protocol/version.h"
#include "store/conversationrepo.h"
#include "store/writetxn.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QSqlQuery>
#include <QTest>

namespace Serambi::Test {

using namespace Serambi::Relay;
namespace Protocol = Serambi::Protocol;

namespace {
constexpr int TestIterations = 1000;
} // namespace

HubOptions fastHubOptions()
{
    HubOptions options;
    options.pbkdf2Iterations = TestIterations;
    return options;
}

HubHarness::HubHarness(HubOptions options)
    : clockMs(QDateTime::currentMSecsSinceEpoch()), m_options(std::move(options))
{
    m_options.clock = [this] { return clockMs; };
}

HubHarness::~HubHarness()
{
    stop();
}

bool HubHarness::start()
{
    const QString path = m_dir.filePath(QStringLiteral("relay.sqlite"));
    m_writer = std::make_unique<StoreWriter>(path, SyncMode::Normal);
    QString error;
    if (!m_writer->start(&error)) {
        qWarning() << "writer:" << error;
        return false;
    }
    m_reader = std::make_unique<StoreReader>(path);
    if (!m_reader->open(&error)) {
        qWarning() << "reader:" << error;
        return false;
    }
    m_hub = std::make_unique<AgentHub>(m_writer.get(), m_reader.get(), m_options);
    if (!m_hub->start(&error)) {
        qWarning() << "hub:" << error;
        return false;
    }
    m_server = std::make_unique<QWebSocketServer>(QStringLiteral("serambi-test"),
                                                  QWebSocketServer::NonSecureMode);
    QObject::connect(m_server.get(), &QWebSocketServer::newConnection, &m_context, [this] {
        while (m_server->hasPendingConnections())
            m_hub->acceptConnection(m_server->nextPendingConnection());
    });
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void HubHarness::stop()
{
    m_server.reset();
    if (m_writer)
        m_writer->stop();
    m_hub.reset();
    m_reader.reset();
    m_writer.reset();
}

QUrl HubHarness::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/agents"));
    return url;
}

WriteResult HubHarness::run(StoreWriter::Job job)
{
    bool done = false;
    WriteResult outcome = WriteResult::failure(QStringLiteral("timed out"));
    m_writer->submit(std::move(job), &m_context, [&](const WriteResult &result) {
        outcome = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qWarning("write job timed out");
    return outcome;
}

qint64 HubHarness::addUser(const QString &username, const QString &role, const QString &password)
{
    Protocol::Role parsed = Protocol::Role::Agent;
    Protocol::roleFromName(role, &parsed);
    User user = makeUser(username, username.toUpper(), parsed, password, TestIterations);
    const WriteResult result = run([&user](WriteTxn &txn) {
        QString error;
        if (!UserRepo::add(txn.db(), user, txn.now(), &error))
            return WriteResult::failure(error);
        return WriteResult::success(user.id);
    });
    return result.ok ? result.value.toLongLong() : 0;
}

qint64 HubHarness::receiveInbound(const QString &waId, const QString &text, qint64 timestampMs)
{
    InboundText message;
    message.waId = waId;
    message.profileName = QStringLiteral("Customer ") + waId;
    message.wamid = QStringLiteral("wamid.test.%1").arg(++m_wamids);
    message.text = text;
    message.timestampSecs = (timestampMs ? timestampMs : clockMs) / 1000;
    const WriteResult result = run([&message](WriteTxn &txn) {
        const auto stored = ingest(txn, message, Protocol::AiMode::Auto);
        return stored ? WriteResult::success(stored->conversationId)
                      : WriteResult::failure(QStringLiteral("not stored"));
    });
    return result.ok ? result.value.toLongLong() : 0;
}

bool HubHarness::assignDirectly(qint64 conversationId, qint64 userId)
{
    return run([=](WriteTxn &txn) {
               auto conversation = ConversationRepo::load(txn.db(), conversationId);
               if (!conversation)
                   return WriteResult::failure(QStringLiteral("no conversation"));
               conversation->assigneeId = userId;
               conversation->state = Protocol::ConversationState::Assigned;
               ConversationRepo::update(txn, *conversation);
               ConversationRepo::publishConversation(txn, *conversation);
               return WriteResult::success();
           })
        .ok;
}

int HubHarness::count(const QString &sql) const
{
    QSqlQuery query(m_reader->db());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

TestConsole::TestConsole()
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                     [this](const QString &text) {
                         const auto frame = Protocol::decodeFrame(text.toUtf8());
                         m_frames.append(frame.value_or(QJsonObject()));
                         m_taken.append(false);
                     });
}

bool TestConsole::open(const QUrl &url)
{
    QNetworkRequest request(url);
    if (!m_forwardedFor.isEmpty())
        request.setRawHeader("X-Forwarded-For", m_forwardedFor);
    m_socket.open(request);
    return QTest::qWaitFor([this] { return isConnected(); }, 5000);
}

bool TestConsole::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool TestConsole::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

void TestConsole::send(const QJsonObject &frame)
{
    sendText(QString::fromUtf8(Protocol::encodeFrame(frame)));
}

void TestConsole::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

QJsonObject TestConsole::take(const std::function<bool(const QJsonObject &)> &matches,
                              int timeoutMs)
{
    QJsonObject found;
    const bool arrived = QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_frames.size(); ++i) {
                if (!m_taken.at(i) && matches(m_frames.at(i))) {
                    m_taken[i] = true;
                    found = m_frames.at(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    if (!arrived)
        qWarning("no matching frame arrived in time");
    return found;
}

QJsonObject TestConsole::takeType(const QString &type, int timeoutMs)
{
    return take([&type](const QJsonObject &frame) { return frameType(frame) == type; }, timeoutMs);
}

QJsonObject TestConsole::login(const QUrl &url, const QString &username, const QString &password)
{
    if (!isConnected() && !open(url))
        return {};
    send({{QLatin1String("type"), QLatin1String("hello")},
          {QLatin1String("v"), Protocol::Version},
          {QLatin1String("client"), QLatin1String("serambi-test/1")},
          {QLatin1String("login"), QJsonObject{{QLatin1String("username"), username},
                                               {QLatin1String("password"), password}}}});
    return take([](const QJsonObject &frame) {
        return frameType(frame) == QLatin1String("welcome") ||
               frameType(frame) == QLatin1String("error");
    });
}

QJsonObject TestConsole::loginWithToken(const QUrl &url, const QString &token)
{
    if (!isConnected() && !open(url))
        return {};
    send({{QLatin1String("type"), QLatin1String("hello")},
          {QLatin1String("v"), Protocol::Version},
          {QLatin1String("token"), token}});
    return take([](const QJsonObject &frame) {
        return frameType(frame) == QLatin1String("welcome") ||
               frameType(frame) == QLatin1String("error");
    });
}

QJsonObject TestConsole::subscribe(qint64 since)
{
    send({{QLatin1String("type"), QLatin1String("subscribe")}, {QLatin1String("since"), since}});
    return take([](const QJsonObject &frame) {
        return frameType(frame) == QLatin1String("subscribed") ||
               frameType(frame) == QLatin1String("snapshot");
    });
}

QJsonObject TestConsole::command(const QString &name, const QJsonObject &args, const QString &id)
{
    const QString commandId = id.isEmpty() ? QStringLiteral("cmd-%1").arg(++m_commands) : id;
    send({{QLatin1String("type"), QLatin1String("command")},
          {QLatin1String("id"), commandId},
          {QLatin1String("name"), name},
          {QLatin1String("args"), args}});
    return take([&commandId](const QJsonObject &frame) {
        return frameType(frame) == QLatin1String("result") &&
               frame.value(QLatin1String("id")).toString() == commandId;
    });
}

QList<qint64> TestConsole::eventSeqs() const
{
    QList<qint64> seqs;
    for (const QJsonObject &frame : m_frames) {
        if (frameType(frame) == QLatin1String("event"))
            seqs.append(frame.value(QLatin1String("seq")).toInteger());
    }
    return seqs;
}

QList<QJsonObject> TestConsole::events(qint64 conversationId) const
{
    QList<QJsonObject> matching;
    for (const QJsonObject &frame : m_frames) {
        if (frameType(frame) == QLatin1String("event") &&
            frame.value(QLatin1String("conversation_id")).toInteger() == conversationId)
            matching.append(frame);
    }
    return matching;
}

QString frameType(const QJsonObject &frame)
{
    return frame.value(QLatin1String("type")).toString();
}

QString errorCode(const QJsonObject &frame)
{
    if (frameType(frame) == QLatin1String("result"))
        return frame.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    return frame.value(QLatin1String("code")).toString();
}

} // namespace Serambi::Test
